using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>An argument, an input object field, or a directive argument.</summary>
public sealed class ExecutableInputValue
{
    internal ExecutableInputValue(string name, string? description, ExecutableTypeRef type, bool hasDefault,
        object? defaultValue, string? defaultValueLiteral, bool isDeprecated, string? deprecationReason)
    {
        Name = name;
        Description = description;
        Type = type;
        HasDefault = hasDefault;
        DefaultValue = defaultValue;
        DefaultValueLiteral = defaultValueLiteral;
        IsDeprecated = isDeprecated;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }
    public string? Description { get; }
    public ExecutableTypeRef Type { get; }
    public bool HasDefault { get; }
    /// <summary>The default, already coerced to the input type.</summary>
    public object? DefaultValue { get; internal set; }
    /// <summary>The default printed as a GraphQL literal (introspection's <c>defaultValue</c>).</summary>
    public string? DefaultValueLiteral { get; internal set; }
    public bool IsDeprecated { get; }
    public string? DeprecationReason { get; }
}
