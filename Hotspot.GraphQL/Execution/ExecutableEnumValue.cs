using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

public sealed class ExecutableEnumValue
{
    internal ExecutableEnumValue(string name, string? description, string? deprecationReason, bool isDeprecated)
    {
        Name = name;
        Description = description;
        DeprecationReason = deprecationReason;
        IsDeprecated = isDeprecated;
    }

    public string Name { get; }
    public string? Description { get; }
    public bool IsDeprecated { get; }
    public string? DeprecationReason { get; }
}
