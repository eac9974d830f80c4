namespace Hotspot.GraphQL.Language;

/// <summary>A type reference: named, list or non-null.</summary>
public abstract class TypeNode(Location location) : SyntaxNode(location)
{
    /// <summary>The named type at the core of the reference (<c>[Int!]!</c> gives <c>Int</c>).</summary>
    public NamedTypeNode NamedType
    {
        get
        {
            var type = this;
            while (true)
            {
                switch (type)
                {
                    case NamedTypeNode named:
                        return named;
                    case ListTypeNode list:
                        type = list.Type;
                        break;
                    case NonNullTypeNode nonNull:
                        type = nonNull.Type;
                        break;
                    default:
                        throw new InvalidOperationException("Unknown type node.");
                }
            }
        }
    }
}
