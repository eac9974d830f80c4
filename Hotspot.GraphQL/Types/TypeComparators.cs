namespace Hotspot.GraphQL.Types;

/// <summary>graphql-js's type comparators, used by validation (variables in allowed positions, overlapping fields).</summary>
public static class TypeComparators
{
    /// <summary>Same named type, same wrappers.</summary>
    public static bool IsEqualType(GraphQLType a, GraphQLType b) => ReferenceEquals(a, b) || a.Equals(b);

    /// <summary>True when a value of <paramref name="maybeSubType"/> is always valid where <paramref name="superType"/> is expected.</summary>
    public static bool IsTypeSubTypeOf(Schema schema, GraphQLType maybeSubType, GraphQLType superType)
    {
        if (IsEqualType(maybeSubType, superType))
        {
            return true;
        }

        if (superType is NonNullType superNonNull)
        {
            return maybeSubType is NonNullType subNonNull && IsTypeSubTypeOf(schema, subNonNull.OfType, superNonNull.OfType);
        }

        if (maybeSubType is NonNullType nonNull)
        {
            return IsTypeSubTypeOf(schema, nonNull.OfType, superType);
        }

        if (superType is ListType superList)
        {
            return maybeSubType is ListType subList && IsTypeSubTypeOf(schema, subList.OfType, superList.OfType);
        }

        if (maybeSubType is ListType)
        {
            return false;
        }

        return superType is NamedType { IsAbstractType: true } abstractType &&
               maybeSubType is InterfaceType or ObjectType &&
               schema.IsSubType(abstractType, (NamedType)maybeSubType);
    }

    /// <summary>True when some object type could be both <paramref name="typeA"/> and <paramref name="typeB"/>.</summary>
    public static bool DoTypesOverlap(Schema schema, NamedType typeA, NamedType typeB)
    {
        if (ReferenceEquals(typeA, typeB))
        {
            return true;
        }

        if (typeA.IsAbstractType)
        {
            if (typeB.IsAbstractType)
            {
                foreach (var type in schema.GetPossibleTypes(typeA))
                {
                    if (schema.IsSubType(typeB, type))
                    {
                        return true;
                    }
                }

                return false;
            }

            return schema.IsSubType(typeA, typeB);
        }

        return typeB.IsAbstractType && schema.IsSubType(typeB, typeA);
    }
}
