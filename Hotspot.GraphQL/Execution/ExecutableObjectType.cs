using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>An object type: the only kind of type whose fields are executed.</summary>
public sealed class ExecutableObjectType : ExecutableNamedType
{
    internal ExecutableObjectType(string name, string? description) : base(name, description) { }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.Object;
    public ExecutableField[] Fields { get; internal set; } = [];
    public ExecutableInterfaceType[] Interfaces { get; internal set; } = [];
    internal Dictionary<string, ExecutableField> FieldMap { get; set; } = new(StringComparer.Ordinal);

    public ExecutableField? GetField(string name) => FieldMap.GetValueOrDefault(name);
}
