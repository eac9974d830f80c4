namespace Hotspot.GraphQL.Language;

/// <summary>An extension of a named type: <c>extend scalar|type|interface|union|enum|input Name ...</c>.</summary>
public abstract class TypeExtensionNode(Location location) : TypeSystemExtensionNode(location), IHasDirectives
{
    public abstract NameNode Name { get; }

    public abstract IReadOnlyList<DirectiveNode> Directives { get; }
}
