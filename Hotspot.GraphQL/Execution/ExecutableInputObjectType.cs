using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>An input object type; <see cref="IsOneOf"/> when it carries <c>@oneOf</c>.</summary>
public sealed class ExecutableInputObjectType : ExecutableNamedType
{
    internal ExecutableInputObjectType(string name, string? description, bool isOneOf) : base(name, description)
    {
        IsOneOf = isOneOf;
    }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.InputObject;
    public bool IsOneOf { get; }
    public ExecutableInputValue[] Fields { get; internal set; } = [];
    internal Dictionary<string, ExecutableInputValue> FieldMap { get; set; } = new(StringComparer.Ordinal);
}
