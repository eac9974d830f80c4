using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>A scalar, object, interface, union, enum or input object type: the types that have a name.</summary>
public abstract class NamedType : GraphQLType
{
    protected NamedType(
        string name,
        string? description,
        IReadOnlyList<DirectiveNode>? directives,
        TypeDefinitionNode? astNode,
        IReadOnlyList<TypeExtensionNode>? extensionAstNodes)
    {
        Name = name;
        Description = description;
        Directives = directives ?? [];
        AstNode = astNode;
        ExtensionAstNodes = extensionAstNodes ?? [];
    }

    public string Name { get; }

    public string? Description { get; }

    /// <summary>Directives applied to the type, from its definition and its extensions.</summary>
    public IReadOnlyList<DirectiveNode> Directives { get; }

    public TypeDefinitionNode? AstNode { get; }

    public IReadOnlyList<TypeExtensionNode> ExtensionAstNodes { get; }

    public override NamedType GetNamedType() => this;

    /// <summary>True for <c>__Schema</c>, <c>__Type</c> and the other introspection types.</summary>
    public bool IsIntrospectionType => Name.StartsWith("__", StringComparison.Ordinal);

    /// <summary>Objects, interfaces and unions: types with selection sets.</summary>
    public bool IsCompositeType => this is ObjectType or InterfaceType or UnionType;

    /// <summary>Interfaces and unions: types resolved to an object type at run time.</summary>
    public bool IsAbstractType => this is InterfaceType or UnionType;

    public override string ToString() => Name;
}
