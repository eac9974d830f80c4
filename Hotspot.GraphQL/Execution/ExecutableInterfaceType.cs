using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>An interface type; <see cref="PossibleTypes"/> are the object types that implement it.</summary>
public sealed class ExecutableInterfaceType : ExecutableNamedType
{
    internal ExecutableInterfaceType(string name, string? description) : base(name, description) { }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.Interface;
    public ExecutableField[] Fields { get; internal set; } = [];
    public ExecutableInterfaceType[] Interfaces { get; internal set; } = [];
    public ExecutableObjectType[] PossibleTypes { get; internal set; } = [];
    internal Dictionary<string, ExecutableField> FieldMap { get; set; } = new(StringComparer.Ordinal);
    internal TypeResolver? TypeResolver { get; set; }

    public ExecutableField? GetField(string name) => FieldMap.GetValueOrDefault(name);
}
