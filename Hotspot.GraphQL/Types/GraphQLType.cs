namespace Hotspot.GraphQL.Types;

/// <summary>
/// Any type a field, argument or variable can have: a named type, or a list or non-null wrapper around one.
/// <see cref="ToString"/> gives the SDL form (<c>[Int!]!</c>). Wrappers compare structurally.
/// </summary>
public abstract class GraphQLType
{
    private ListType? _list;
    private NonNullType? _nonNull;

    public abstract TypeKind Kind { get; }

    /// <summary>The named type inside all wrappers.</summary>
    public abstract NamedType GetNamedType();

    /// <summary>This type without an outer non-null wrapper.</summary>
    public GraphQLType NullableType => this is NonNullType nonNull ? nonNull.OfType : this;

    public bool IsNonNull => this is NonNullType;

    /// <summary>Scalars, enums and input objects, possibly wrapped: what arguments and variables may have.</summary>
    public bool IsInputType => GetNamedType() is LeafType or InputObjectType;

    /// <summary>Everything but input objects, possibly wrapped: what fields may return.</summary>
    public bool IsOutputType => GetNamedType() is not InputObjectType;

    /// <summary>A list of this type (cached, so repeated lookups do not allocate).</summary>
    public ListType ListOf() => _list ??= new ListType(this);

    /// <summary>This type made non-null (cached); a non-null type is returned as it is.</summary>
    public GraphQLType NonNullOf() => this is NonNullType ? this : _nonNull ??= new NonNullType(this);

    public abstract override string ToString();
}
