using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>A directive definition (built-in or custom).</summary>
public sealed class ExecutableDirective
{
    internal ExecutableDirective(string name, string? description, string[] locations, ExecutableInputValue[] arguments,
        bool isRepeatable, string? deprecationReason)
    {
        Name = name;
        Description = description;
        Locations = locations;
        Arguments = arguments;
        IsRepeatable = isRepeatable;
        DeprecationReason = deprecationReason;
    }

    public string Name { get; }
    public string? Description { get; }
    /// <summary>Locations as introspection names them (<c>FIELD</c>, <c>FRAGMENT_SPREAD</c>...).</summary>
    public string[] Locations { get; }
    public ExecutableInputValue[] Arguments { get; }
    public bool IsRepeatable { get; }
    public bool IsDeprecated => DeprecationReason is not null;
    public string? DeprecationReason { get; }
}
