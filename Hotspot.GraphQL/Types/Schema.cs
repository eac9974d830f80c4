using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>
/// A validated GraphQL schema: root operation types, every named type reachable from them (in graphql-js's
/// order, introspection types included), and directives. Lookups used by validation and execution are
/// precomputed, so they are dictionary reads. Build one with <see cref="SchemaBuilder.FromSdl"/>.
/// </summary>
public sealed class Schema
{
    private readonly Dictionary<string, NamedType> _typeMap = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directiveMap = new(StringComparer.Ordinal);
    private readonly Dictionary<NamedType, ObjectType[]> _possibleTypes = new();
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypes = new();
    private readonly Dictionary<InterfaceType, (List<ObjectType> Objects, List<InterfaceType> Interfaces)> _implementations = new();

    internal Schema(
        ObjectType queryType,
        ObjectType? mutationType,
        ObjectType? subscriptionType,
        IReadOnlyList<NamedType> definedTypes,
        IReadOnlyList<DirectiveDefinition> directives,
        string? description,
        SchemaDefinitionNode? astNode,
        IReadOnlyList<SchemaExtensionNode> extensionAstNodes,
        IReadOnlyList<DirectiveNode> appliedDirectives)
    {
        QueryType = queryType;
        MutationType = mutationType;
        SubscriptionType = subscriptionType;
        Directives = directives;
        Description = description;
        AstNode = astNode;
        ExtensionAstNodes = extensionAstNodes;
        AppliedDirectives = appliedDirectives;
        Types = CollectTypes(definedTypes);
        foreach (var type in Types)
        {
            _typeMap.TryAdd(type.Name, type);
        }

        foreach (var directive in directives)
        {
            _directiveMap.TryAdd(directive.Name, directive);
        }

        IndexAbstractTypes();
    }

    public string? Description { get; }

    public ObjectType QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    /// <summary>All named types, in graphql-js's order (what <c>__schema { types }</c> lists).</summary>
    public IReadOnlyList<NamedType> Types { get; }

    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>Directives applied to the schema definition and its extensions.</summary>
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; }

    public SchemaDefinitionNode? AstNode { get; }

    public IReadOnlyList<SchemaExtensionNode> ExtensionAstNodes { get; }

    public NamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directiveMap.GetValueOrDefault(name);

    public ObjectType? GetRootType(OperationType operation) => operation switch
    {
        OperationType.Query => QueryType,
        OperationType.Mutation => MutationType,
        _ => SubscriptionType,
    };

    /// <summary>The object types a value of an interface or union type can be; empty for other types.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) =>
        _possibleTypes.TryGetValue(abstractType, out var types) ? types : [];

    /// <summary>Objects and interfaces that declare they implement <paramref name="interfaceType"/>.</summary>
    public (IReadOnlyList<ObjectType> Objects, IReadOnlyList<InterfaceType> Interfaces) GetImplementations(InterfaceType interfaceType) =>
        _implementations.TryGetValue(interfaceType, out var found) ? (found.Objects, found.Interfaces) : ([], []);

    /// <summary>
    /// True when <paramref name="maybeSubType"/> is a member of the union, or an object or interface implementing
    /// the interface <paramref name="abstractType"/> (graphql-js's <c>isSubType</c>).
    /// </summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType) =>
        _subTypes.TryGetValue(abstractType, out var subTypes) && subTypes.Contains(maybeSubType);

    public bool IsPossibleType(NamedType abstractType, ObjectType possibleType) => IsSubType(abstractType, possibleType);

    /// <summary>
    /// The definition of field <paramref name="fieldName"/> on <paramref name="parentType"/>, including the
    /// meta-fields <c>__typename</c> (any composite type) and <c>__schema</c>/<c>__type</c> (query root only).
    /// </summary>
    public FieldDefinition? GetField(NamedType parentType, string fieldName)
    {
        if (fieldName.Length > 1 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            if (fieldName == "__typename" && parentType.IsCompositeType)
            {
                return IntrospectionTypes.TypeNameMetaField;
            }

            if (ReferenceEquals(parentType, QueryType))
            {
                if (fieldName == "__schema")
                {
                    return IntrospectionTypes.SchemaMetaField;
                }

                if (fieldName == "__type")
                {
                    return IntrospectionTypes.TypeMetaField;
                }
            }
        }

        return parentType is ComplexType complex ? complex.GetField(fieldName) : null;
    }

    /// <summary>The type a type reference in a document names, or null if a named type is unknown.</summary>
    public GraphQLType? GetTypeFromAst(TypeNode node) => node switch
    {
        NamedTypeNode named => GetType(named.Name.Value),
        ListTypeNode list => GetTypeFromAst(list.Type)?.ListOf(),
        NonNullTypeNode nonNull => GetTypeFromAst(nonNull.Type)?.NonNullOf(),
        _ => null,
    };

    // graphql-js's collectReferencedTypes: defined types first, each followed by what it references, then the
    // root types, directive arguments and the introspection types.
    private List<NamedType> CollectTypes(IReadOnlyList<NamedType> definedTypes)
    {
        var ordered = new List<NamedType>(definedTypes);
        var seen = new HashSet<NamedType>(definedTypes);
        foreach (var type in definedTypes)
        {
            ordered.Remove(type);
            seen.Remove(type);
            Collect(type, ordered, seen);
        }

        Collect(QueryType, ordered, seen);
        if (MutationType is not null)
        {
            Collect(MutationType, ordered, seen);
        }

        if (SubscriptionType is not null)
        {
            Collect(SubscriptionType, ordered, seen);
        }

        foreach (var directive in Directives)
        {
            foreach (var argument in directive.Arguments)
            {
                Collect(argument.Type.GetNamedType(), ordered, seen);
            }
        }

        Collect(IntrospectionTypes.Schema, ordered, seen);
        ordered.RemoveAll(t => t.Name == "__MissingQuery");
        return ordered;
    }

    private static void Collect(NamedType type, List<NamedType> ordered, HashSet<NamedType> seen)
    {
        if (!seen.Add(type))
        {
            return;
        }

        ordered.Add(type);
        switch (type)
        {
            case UnionType union:
                foreach (var member in union.Types)
                {
                    Collect(member, ordered, seen);
                }

                break;
            case ComplexType complex:
                foreach (var iface in complex.Interfaces)
                {
                    Collect(iface, ordered, seen);
                }

                foreach (var field in complex.Fields)
                {
                    Collect(field.Type.GetNamedType(), ordered, seen);
                    foreach (var argument in field.Arguments)
                    {
                        Collect(argument.Type.GetNamedType(), ordered, seen);
                    }
                }

                break;
            case InputObjectType input:
                foreach (var field in input.Fields)
                {
                    Collect(field.Type.GetNamedType(), ordered, seen);
                }

                break;
        }
    }

    private void IndexAbstractTypes()
    {
        foreach (var type in Types)
        {
            if (type is ComplexType complex)
            {
                foreach (var iface in complex.Interfaces)
                {
                    if (!_implementations.TryGetValue(iface, out var found))
                    {
                        _implementations[iface] = found = ([], []);
                    }

                    if (complex is ObjectType obj)
                    {
                        found.Objects.Add(obj);
                    }
                    else
                    {
                        found.Interfaces.Add((InterfaceType)complex);
                    }
                }
            }
        }

        foreach (var type in Types)
        {
            switch (type)
            {
                case UnionType union:
                    _possibleTypes[union] = [.. union.Types];
                    _subTypes[union] = [.. union.Types];
                    break;
                case InterfaceType iface:
                    var (objects, interfaces) = GetImplementations(iface);
                    _possibleTypes[iface] = [.. objects];
                    var subTypes = new HashSet<NamedType>(objects);
                    subTypes.UnionWith(interfaces);
                    _subTypes[iface] = subTypes;
                    break;
            }
        }
    }
}
