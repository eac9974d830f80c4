namespace Hotspot.GraphQL.Types;

/// <summary>The kinds of types, as introspection's <c>__TypeKind</c>.</summary>
public enum TypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
    List,
    NonNull,
}
