using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// A named type as the executor sees it: the schema's definition compiled once into arrays and dictionaries,
/// with resolvers attached (<see cref="ExecutableSchema"/>). Built by <c>ExecutableSchemaBuilder</c>.
/// </summary>
public abstract class ExecutableNamedType
{
    protected ExecutableNamedType(string name, string? description)
    {
        Name = name;
        Description = description;
    }

    public string Name { get; }
    public string? Description { get; }
    public abstract ExecutableTypeKind Kind { get; }

    /// <summary>True for the <c>__Schema</c>, <c>__Type</c>... types.</summary>
    public bool IsIntrospectionType => Name.StartsWith("__", StringComparison.Ordinal);

    public bool IsInputType => Kind is ExecutableTypeKind.Scalar or ExecutableTypeKind.Enum or ExecutableTypeKind.InputObject;
    public bool IsLeafType => Kind is ExecutableTypeKind.Scalar or ExecutableTypeKind.Enum;
    public bool IsAbstractType => Kind is ExecutableTypeKind.Interface or ExecutableTypeKind.Union;

    public override string ToString() => Name;
}
