using Hotspot.GraphQL.Binding;

namespace Hotspot.GraphQL.Execution;

/// <summary>The kinds of named types, as introspection's <c>__TypeKind</c> names them.</summary>
public enum ExecutableTypeKind
{
    Scalar,
    Object,
    Interface,
    Union,
    Enum,
    InputObject,
}
