using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>A union type.</summary>
public sealed class ExecutableUnionType : ExecutableNamedType
{
    internal ExecutableUnionType(string name, string? description) : base(name, description) { }

    public override ExecutableTypeKind Kind => ExecutableTypeKind.Union;
    public ExecutableObjectType[] PossibleTypes { get; internal set; } = [];
    internal TypeResolver? TypeResolver { get; set; }
}
