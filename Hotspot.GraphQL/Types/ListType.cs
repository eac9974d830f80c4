namespace Hotspot.GraphQL.Types;

/// <summary><c>[OfType]</c>.</summary>
public sealed class ListType : GraphQLType
{
    internal ListType(GraphQLType ofType)
    {
        OfType = ofType;
    }

    public GraphQLType OfType { get; }

    public override TypeKind Kind => TypeKind.List;

    public override NamedType GetNamedType() => OfType.GetNamedType();

    public override string ToString() => "[" + OfType + "]";

    public override bool Equals(object? obj) => obj is ListType other && OfType.Equals(other.OfType);

    public override int GetHashCode() => HashCode.Combine(1, OfType);
}
