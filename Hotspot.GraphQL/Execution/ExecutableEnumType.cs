using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>An enum; values are read by name and written by name.</summary>
public sealed class ExecutableEnumType : ExecutableNamedType
{
    internal ExecutableEnumType(string name, string? description) : base(name, description) { }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.Enum;
    public ExecutableEnumValue[] Values { get; internal set; } = [];
    internal Dictionary<string, ExecutableEnumValue> ValueMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Values by name with underscores removed, case-insensitive: matches CLR enum members.</summary>
    internal Dictionary<string, ExecutableEnumValue> LooseValueMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public ExecutableEnumValue? GetValue(string name) => ValueMap.GetValueOrDefault(name);
}
