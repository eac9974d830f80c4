using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>
/// The spec's type-system validation (graphql-js's <c>validateSchema</c>): names, fields, arguments, interface
/// implementations, union members, enum values, input objects (including <c>@oneOf</c> rules and cycles of
/// non-null fields), and directive definitions. Messages are graphql-js's.
/// </summary>
internal static class SchemaValidator
{
    public static List<GraphQLError> Validate(Schema schema)
    {
        var errors = new List<GraphQLError>();
        void Report(string message, params SyntaxNode?[] nodes) =>
            errors.Add(new GraphQLError(message, nodes.OfType<SyntaxNode>().Select(n => n.Location.ToSourceLocation()).ToList()));

        ValidateDirectives(schema, Report);
        var cycles = new InputObjectCycleDetector(Report);
        foreach (var type in schema.Types)
        {
            if (type.IsIntrospectionType && IntrospectionTypes.IsIntrospectionTypeName(type.Name))
            {
                continue;
            }

            ValidateName(type.Name, type.AstNode, Report);
            switch (type)
            {
                case ComplexType complex:
                    ValidateFields(complex, Report);
                    ValidateInterfaces(complex, Report);
                    break;
                case UnionType union when DeclaredMemberCount(union) == 0:
                    Report($"Union type {union.Name} must define one or more member types.", union.AstNode);
                    break;
                case EnumType enumType:
                    if (enumType.Values.Count == 0)
                    {
                        Report($"Enum type {enumType.Name} must define one or more values.", enumType.AstNode);
                    }

                    foreach (var value in enumType.Values)
                    {
                        ValidateName(value.Name, value.AstNode, Report);
                    }

                    break;
                case InputObjectType input:
                    ValidateInputFields(input, Report);
                    cycles.Detect(input);
                    break;
            }
        }

        return errors;
    }

    private delegate void Reporter(string message, params SyntaxNode?[] nodes);

    private static void ValidateName(string name, SyntaxNode? node, Reporter report)
    {
        if (name.StartsWith("__", StringComparison.Ordinal))
        {
            report($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
        }
    }

    private static void ValidateDirectives(Schema schema, Reporter report)
    {
        foreach (var directive in schema.Directives)
        {
            if (directive.IsSpecified)
            {
                continue;
            }

            ValidateName(directive.Name, directive.AstNode, report);
            if (directive.Locations.Count == 0)
            {
                report($"Directive @{directive.Name} must include 1 or more locations.", directive.AstNode);
            }

            foreach (var argument in directive.Arguments)
            {
                ValidateName(argument.Name, argument.AstNode, report);
                if (!argument.Type.IsInputType)
                {
                    report($"The type of @{directive.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.", argument.AstNode);
                }

                if (argument.IsRequired && argument.IsDeprecated)
                {
                    report($"Required argument @{directive.Name}({argument.Name}:) cannot be deprecated.",
                        DeprecatedDirective(argument.Directives), argument.AstNode?.Type);
                }
            }
        }
    }

    private static void ValidateFields(ComplexType type, Reporter report)
    {
        if (type.Fields.Count == 0)
        {
            report($"Type {type.Name} must define one or more fields.", [type.AstNode, .. type.ExtensionAstNodes]);
        }

        foreach (var field in type.Fields)
        {
            ValidateName(field.Name, field.AstNode, report);
            if (!field.Type.IsOutputType)
            {
                report($"The type of {type.Name}.{field.Name} must be Output Type but got: {field.Type}.", field.AstNode?.Type);
            }

            foreach (var argument in field.Arguments)
            {
                ValidateName(argument.Name, argument.AstNode, report);
                if (!argument.Type.IsInputType)
                {
                    report($"The type of {type.Name}.{field.Name}({argument.Name}:) must be Input Type but got: {argument.Type}.",
                        argument.AstNode?.Type);
                }

                if (argument.IsRequired && argument.IsDeprecated)
                {
                    report($"Required argument {type.Name}.{field.Name}({argument.Name}:) cannot be deprecated.",
                        DeprecatedDirective(argument.Directives), argument.AstNode?.Type);
                }
            }
        }
    }

    private static void ValidateInterfaces(ComplexType type, Reporter report)
    {
        foreach (var iface in type.Interfaces)
        {
            if (ReferenceEquals(iface, type))
            {
                report($"Type {type.Name} cannot implement itself because it would create a circular reference.",
                    InterfaceNodes(type, iface).ToArray());
                continue;
            }

            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Interfaces.Contains(transitive))
                {
                    report(
                        ReferenceEquals(transitive, type)
                            ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                            : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.",
                        [.. InterfaceNodes(iface, transitive), .. InterfaceNodes(type, iface)]);
                }
            }

            ValidateImplementation(type, iface, report);
        }
    }

    private static void ValidateImplementation(ComplexType type, InterfaceType iface, Reporter report)
    {
        foreach (var ifaceField in iface.Fields)
        {
            var fieldName = ifaceField.Name;
            var typeField = type.GetField(fieldName);
            if (typeField is null)
            {
                report($"Interface field {iface.Name}.{fieldName} expected but {type.Name} does not provide it.",
                    [ifaceField.AstNode, type.AstNode, .. type.ExtensionAstNodes]);
                continue;
            }

            // The implementing field's type must be the same or a subtype (covariant), so the interface's
            // promise holds; schema is not needed beyond declared implementations here.
            if (!IsValidImplementationFieldType(typeField.Type, ifaceField.Type))
            {
                report($"Interface field {iface.Name}.{fieldName} expects type {ifaceField.Type} but {type.Name}.{fieldName} is type {typeField.Type}.",
                    ifaceField.AstNode?.Type, typeField.AstNode?.Type);
            }

            foreach (var ifaceArgument in ifaceField.Arguments)
            {
                var typeArgument = typeField.GetArgument(ifaceArgument.Name);
                if (typeArgument is null)
                {
                    report($"Interface field argument {iface.Name}.{fieldName}({ifaceArgument.Name}:) expected but {type.Name}.{fieldName} does not provide it.",
                        ifaceArgument.AstNode, typeField.AstNode);
                    continue;
                }

                if (!TypeComparators.IsEqualType(ifaceArgument.Type, typeArgument.Type))
                {
                    report($"Interface field argument {iface.Name}.{fieldName}({ifaceArgument.Name}:) expects type {ifaceArgument.Type} but {type.Name}.{fieldName}({ifaceArgument.Name}:) is type {typeArgument.Type}.",
                        ifaceArgument.AstNode?.Type, typeArgument.AstNode?.Type);
                }
            }

            foreach (var typeArgument in typeField.Arguments)
            {
                if (ifaceField.GetArgument(typeArgument.Name) is null && typeArgument.IsRequired)
                {
                    report($"Object field {type.Name}.{fieldName} includes required argument {typeArgument.Name} that is missing from the Interface field {iface.Name}.{fieldName}.",
                        typeArgument.AstNode, ifaceField.AstNode);
                }
            }
        }
    }

    // graphql-js's isTypeSubTypeOf over declared implementations (the schema's maps are built from the same data).
    private static bool IsValidImplementationFieldType(GraphQLType fieldType, GraphQLType ifaceFieldType)
    {
        if (TypeComparators.IsEqualType(fieldType, ifaceFieldType))
        {
            return true;
        }

        if (ifaceFieldType is NonNullType ifaceNonNull)
        {
            return fieldType is NonNullType nonNull && IsValidImplementationFieldType(nonNull.OfType, ifaceNonNull.OfType);
        }

        if (fieldType is NonNullType fieldNonNull)
        {
            return IsValidImplementationFieldType(fieldNonNull.OfType, ifaceFieldType);
        }

        if (ifaceFieldType is ListType ifaceList)
        {
            return fieldType is ListType list && IsValidImplementationFieldType(list.OfType, ifaceList.OfType);
        }

        if (fieldType is ListType)
        {
            return false;
        }

        return ifaceFieldType switch
        {
            UnionType union => fieldType is ObjectType obj && union.Types.Contains(obj),
            InterfaceType iface => fieldType is ComplexType complex && complex.Implements(iface),
            _ => false,
        };
    }

    private static void ValidateInputFields(InputObjectType input, Reporter report)
    {
        if (input.Fields.Count == 0)
        {
            report($"Input Object type {input.Name} must define one or more fields.", [input.AstNode, .. input.ExtensionAstNodes]);
        }

        foreach (var field in input.Fields)
        {
            ValidateName(field.Name, field.AstNode, report);
            if (!field.Type.IsInputType)
            {
                report($"The type of {input.Name}.{field.Name} must be Input Type but got: {field.Type}.", field.AstNode?.Type);
            }

            if (field.IsRequired && field.IsDeprecated)
            {
                report($"Required input field {input.Name}.{field.Name} cannot be deprecated.",
                    DeprecatedDirective(field.Directives), field.AstNode?.Type);
            }

            if (input.IsOneOf)
            {
                if (field.Type is NonNullType)
                {
                    report($"OneOf input field {input.Name}.{field.Name} must be nullable.", field.AstNode?.Type);
                }

                if (field.HasDefaultValue)
                {
                    report($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.AstNode);
                }
            }
        }
    }

    // Members that are not object types are reported by the builder and dropped; they still count as declared.
    private static int DeclaredMemberCount(UnionType union) =>
        union.AstNode is UnionTypeDefinitionNode definition
            ? definition.Types.Count + union.ExtensionAstNodes.OfType<UnionTypeExtensionNode>().Sum(e => e.Types.Count)
            : union.Types.Count;

    private static DirectiveNode? DeprecatedDirective(IReadOnlyList<DirectiveNode> directives) =>
        directives.FirstOrDefault(d => d.Name.Value == "deprecated");

    private static IEnumerable<SyntaxNode> InterfaceNodes(NamedType type, InterfaceType iface)
    {
        var nodes = new List<SyntaxNode>();
        IEnumerable<SyntaxNode?> holders = [type.AstNode, .. type.ExtensionAstNodes];
        foreach (var holder in holders)
        {
            var interfaces = holder switch
            {
                ObjectTypeDefinitionNode o => o.Interfaces,
                InterfaceTypeDefinitionNode i => i.Interfaces,
                ObjectTypeExtensionNode o => o.Interfaces,
                InterfaceTypeExtensionNode i => i.Interfaces,
                _ => [],
            };
            nodes.AddRange(interfaces.Where(n => n.Name.Value == iface.Name));
        }

        return nodes;
    }

    /// <summary>Finds cycles of non-null input object fields, which no finite value could satisfy.</summary>
    private sealed class InputObjectCycleDetector(Reporter report)
    {
        private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
        private readonly List<InputValueDefinition> _path = [];
        private readonly Dictionary<string, int> _pathIndex = new(StringComparer.Ordinal);

        public void Detect(InputObjectType input)
        {
            if (!_visited.Add(input.Name))
            {
                return;
            }

            _pathIndex[input.Name] = _path.Count;
            foreach (var field in input.Fields)
            {
                if (field.Type is NonNullType { OfType: InputObjectType fieldType })
                {
                    _path.Add(field);
                    if (_pathIndex.TryGetValue(fieldType.Name, out var cycleIndex))
                    {
                        var cycle = _path.Skip(cycleIndex).ToList();
                        report(
                            $"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{string.Join(".", cycle.Select(f => f.Name))}\".",
                            cycle.Select(f => (SyntaxNode?)f.AstNode).ToArray());
                    }
                    else
                    {
                        Detect(fieldType);
                    }

                    _path.RemoveAt(_path.Count - 1);
                }
            }

            _pathIndex.Remove(input.Name);
        }
    }
}
