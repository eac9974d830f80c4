using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Types;

/// <summary>
/// Builds a <see cref="Schema"/> from SDL (graphql-js's <c>buildASTSchema</c>): type definitions, extensions
/// applied to them, directive definitions, the schema definition (or the <c>Query</c>/<c>Mutation</c>/
/// <c>Subscription</c> naming convention), and the spec's built-in scalars and directives. The result is
/// validated with the spec's type-system rules; every problem found is reported in one
/// <see cref="SchemaValidationException"/>.
/// </summary>
public sealed class SchemaBuilder
{
    private readonly SchemaBuildOptions _options;
    private readonly List<GraphQLError> _errors = [];

    // Errors graphql-js finds when validating the built schema rather than the SDL; reported with those.
    private readonly List<GraphQLError> _schemaErrors = [];
    private readonly Dictionary<string, TypeDefinitionNode> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TypeExtensionNode>> _extensions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinition> _directives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DirectiveDefinitionNode> _directiveNodes = new(StringComparer.Ordinal);
    private readonly List<SchemaDefinitionNode> _extraSchemaDefinitions = [];

    private SchemaBuilder(SchemaBuildOptions? options)
    {
        _options = options ?? SchemaBuildOptions.Default;
    }

    /// <summary>Parses and builds; syntax errors surface as <see cref="SchemaValidationException"/> too.</summary>
    public static Schema FromSdl(string sdl, SchemaBuildOptions? options = null)
    {
        DocumentNode document;
        try
        {
            document = Parser.Parse(sdl);
        }
        catch (GraphQLSyntaxException exception)
        {
            throw new SchemaValidationException([exception.Error]);
        }

        return FromDocument(document, options);
    }

    public static Schema FromDocument(DocumentNode document, SchemaBuildOptions? options = null) =>
        new SchemaBuilder(options).Build(document);

    /// <summary>Builds the spec's own definitions (introspection types, built-in directives) without a schema.</summary>
    internal static (IReadOnlyDictionary<string, NamedType> Types, IReadOnlyList<DirectiveDefinition> Directives) BuildSpecified(string sdl)
    {
        var builder = new SchemaBuilder(null);
        var document = Parser.Parse(sdl);
        builder.Collect(document, out _, out _);
        builder.CreateTypes();
        var directives = builder.CreateDirectives();
        builder.CompleteTypes();
        if (builder._errors.Count > 0 || builder._schemaErrors.Count > 0)
        {
            throw new SchemaValidationException([.. builder._errors, .. builder._schemaErrors]);
        }

        return (builder._types, directives);
    }

    private Schema Build(DocumentNode document)
    {
        Collect(document, out var schemaDefinition, out var schemaExtensions);
        CreateTypes();
        var directives = CreateDirectives();
        CompleteTypes();
        CheckAppliedDirectives(document);

        var roots = ResolveRootTypes(schemaDefinition, schemaExtensions);
        if (_errors.Count > 0)
        {
            // As graphql-js: an SDL that is itself invalid is refused before the schema is validated.
            throw new SchemaValidationException(_errors);
        }

        foreach (var specified in BuiltInDirectives.All)
        {
            if (!_directives.ContainsKey(specified.Name))
            {
                directives.Add(specified);
            }
        }

        var definedTypes = new List<NamedType>();
        foreach (var name in _definitions.Keys)
        {
            definedTypes.Add(_types[name]);
        }

        var schema = new Schema(
            roots.Query,
            roots.Mutation,
            roots.Subscription,
            definedTypes,
            directives,
            schemaDefinition?.Description?.Value,
            schemaDefinition,
            schemaExtensions,
            CollectDirectives(schemaDefinition?.Directives, schemaExtensions.Select(e => e.Directives)));

        _errors.AddRange(roots.Errors);
        _errors.AddRange(_schemaErrors);
        _errors.AddRange(SchemaValidator.Validate(schema));
        if (_errors.Count > 0)
        {
            throw new SchemaValidationException(_errors);
        }

        return schema;
    }

    // ---- Collecting definitions -----------------------------------------------------------------------------

    private void Collect(
        DocumentNode document,
        out SchemaDefinitionNode? schemaDefinition,
        out List<SchemaExtensionNode> schemaExtensions)
    {
        schemaDefinition = null;
        schemaExtensions = [];
        var typeExtensions = new List<TypeExtensionNode>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    if (schemaDefinition is not null)
                    {
                        Error("Must provide only one schema definition.", schema);
                        _extraSchemaDefinitions.Add(schema);
                    }
                    else
                    {
                        schemaDefinition = schema;
                    }

                    break;
                case SchemaExtensionNode extension:
                    schemaExtensions.Add(extension);
                    break;
                case TypeDefinitionNode type:
                    if (!_definitions.TryAdd(type.Name.Value, type))
                    {
                        Error($"There can be only one type named \"{type.Name.Value}\".", _definitions[type.Name.Value].Name, type.Name);
                    }

                    break;
                case TypeExtensionNode extension:
                    typeExtensions.Add(extension);
                    break;
                case DirectiveDefinitionNode directive:
                    if (!_directiveNodes.TryAdd(directive.Name.Value, directive))
                    {
                        Error($"There can be only one directive named \"@{directive.Name.Value}\".",
                            _directiveNodes[directive.Name.Value].Name, directive.Name);
                    }

                    break;
                case ExecutableDefinitionNode executable:
                    Error("An executable definition is not allowed in a schema document.", executable);
                    break;
            }
        }

        foreach (var extension in typeExtensions)
        {
            var name = extension.Name.Value;
            if (!_definitions.TryGetValue(name, out var definition))
            {
                var known = _definitions.Keys;
                Error($"Cannot extend type \"{name}\" because it is not defined." +
                      DidYouMean.Format(DidYouMean.SuggestionList(name, known)), extension.Name);

                continue;
            }

            if (!ExtensionMatches(definition, extension))
            {
                Error($"Cannot extend non-{KindWord(extension)} type \"{name}\".", definition, extension);
                continue;
            }

            if (!_extensions.TryGetValue(name, out var list))
            {
                _extensions[name] = list = [];
            }

            list.Add(extension);
        }
    }

    private static bool ExtensionMatches(TypeDefinitionNode definition, TypeExtensionNode extension) => (definition, extension) switch
    {
        (ScalarTypeDefinitionNode, ScalarTypeExtensionNode) => true,
        (ObjectTypeDefinitionNode, ObjectTypeExtensionNode) => true,
        (InterfaceTypeDefinitionNode, InterfaceTypeExtensionNode) => true,
        (UnionTypeDefinitionNode, UnionTypeExtensionNode) => true,
        (EnumTypeDefinitionNode, EnumTypeExtensionNode) => true,
        (InputObjectTypeDefinitionNode, InputObjectTypeExtensionNode) => true,
        _ => false,
    };

    private static string KindWord(TypeExtensionNode extension) => extension switch
    {
        ScalarTypeExtensionNode => "scalar",
        ObjectTypeExtensionNode => "object",
        InterfaceTypeExtensionNode => "interface",
        UnionTypeExtensionNode => "union",
        EnumTypeExtensionNode => "enum",
        _ => "input object",
    };

    private IReadOnlyList<TypeExtensionNode> ExtensionsOf(string name) =>
        _extensions.TryGetValue(name, out var list) ? list : [];

    // ---- Creating types -------------------------------------------------------------------------------------

    private void CreateTypes()
    {
        foreach (var (name, definition) in _definitions)
        {
            if (BuiltInScalars.Get(name) is { } specified && definition is ScalarTypeDefinitionNode)
            {
                // As graphql-js: a re-declared specified scalar is the specified scalar.
                _types[name] = specified;
                continue;
            }

            var extensions = ExtensionsOf(name);
            var directives = CollectDirectives(definition.Directives, extensions.Select(e => e.Directives));
            var description = definition.Description?.Value;
            _types[name] = definition switch
            {
                ScalarTypeDefinitionNode scalar => new ScalarType(
                    name,
                    _options.Scalars.GetValueOrDefault(name) ?? BuiltInScalars.ShippedCoercion(name) ?? ScalarCoercion.PassThrough,
                    description,
                    SpecifiedByUrl(directives),
                    directives,
                    scalar,
                    extensions),
                ObjectTypeDefinitionNode obj => new ObjectType(name, description, directives, obj, extensions),
                InterfaceTypeDefinitionNode iface => new InterfaceType(name, description, directives, iface, extensions),
                UnionTypeDefinitionNode union => new UnionType(name, description, directives, union, extensions),
                EnumTypeDefinitionNode enumType => new EnumType(name, EnumValues(enumType, extensions), description, directives, enumType, extensions),
                InputObjectTypeDefinitionNode input => new InputObjectType(
                    name, description, directives, input, extensions, isOneOf: directives.Any(d => d.Name.Value == "oneOf")),
                _ => throw new InvalidOperationException("Unknown type definition."),
            };
        }
    }

    private List<EnumValueDefinition> EnumValues(EnumTypeDefinitionNode definition, IReadOnlyList<TypeExtensionNode> extensions)
    {
        var values = new List<EnumValueDefinition>();
        var seen = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        var nodes = definition.Values.Concat(extensions.OfType<EnumTypeExtensionNode>().SelectMany(e => e.Values));
        foreach (var node in nodes)
        {
            if (!seen.TryAdd(node.Name.Value, node.Name))
            {
                Error($"Enum value \"{definition.Name.Value}.{node.Name.Value}\" can only be defined once.", seen[node.Name.Value], node.Name);
                continue;
            }

            values.Add(new EnumValueDefinition(
                node.Name.Value, node.Description?.Value, DeprecationReason(node.Directives), node.Directives, node));
        }

        return values;
    }

    private List<DirectiveDefinition> CreateDirectives()
    {
        var directives = new List<DirectiveDefinition>();
        foreach (var (name, node) in _directiveNodes)
        {
            var locations = new List<DirectiveLocation>();
            foreach (var location in node.Locations)
            {
                locations.Add(Enum.Parse<DirectiveLocation>(location.Value));
            }

            var definition = new DirectiveDefinition(
                name,
                locations,
                InputValues(node.Arguments, "@" + name),
                node.Repeatable,
                node.Description?.Value,
                node);
            _directives[name] = definition;
            directives.Add(definition);
        }

        return directives;
    }

    private void CompleteTypes()
    {
        foreach (var (name, definition) in _definitions)
        {
            var extensions = ExtensionsOf(name);
            switch (_types[name])
            {
                case ComplexType complex:
                    var interfaceNodes = definition switch
                    {
                        ObjectTypeDefinitionNode o => o.Interfaces,
                        InterfaceTypeDefinitionNode i => i.Interfaces,
                        _ => [],
                    };
                    var fieldNodes = definition switch
                    {
                        ObjectTypeDefinitionNode o => o.Fields,
                        InterfaceTypeDefinitionNode i => i.Fields,
                        _ => [],
                    };
                    var allInterfaces = interfaceNodes.Concat(extensions.SelectMany(e => e switch
                    {
                        ObjectTypeExtensionNode o => o.Interfaces,
                        InterfaceTypeExtensionNode i => i.Interfaces,
                        _ => [],
                    }));
                    var allFields = fieldNodes.Concat(extensions.SelectMany(e => e switch
                    {
                        ObjectTypeExtensionNode o => o.Fields,
                        InterfaceTypeExtensionNode i => i.Fields,
                        _ => [],
                    }));
                    complex.Complete(Interfaces(name, allInterfaces), Fields(name, allFields));
                    break;
                case UnionType union:
                    var memberNodes = ((UnionTypeDefinitionNode)definition).Types
                        .Concat(extensions.OfType<UnionTypeExtensionNode>().SelectMany(e => e.Types));
                    union.Complete(UnionMembers(union, memberNodes));
                    break;
                case InputObjectType input:
                    var inputFieldNodes = ((InputObjectTypeDefinitionNode)definition).Fields
                        .Concat(extensions.OfType<InputObjectTypeExtensionNode>().SelectMany(e => e.Fields));
                    input.Complete(InputValues(inputFieldNodes.ToList(), name, isInputObject: true));
                    break;
            }
        }
    }

    private List<InterfaceType> Interfaces(string typeName, IEnumerable<NamedTypeNode> nodes)
    {
        var interfaces = new List<InterfaceType>();
        var firstNodes = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var type = ResolveNamedType(node);
            switch (type)
            {
                case null:
                    break;
                case InterfaceType iface:
                    if (!firstNodes.TryAdd(iface.Name, node))
                    {
                        SchemaError($"Type {typeName} can only implement {iface.Name} once.", firstNodes[iface.Name], node);
                    }
                    else
                    {
                        interfaces.Add(iface);
                    }

                    break;
                default:
                    SchemaError($"Type {typeName} must only implement Interface types, it cannot implement {type.Name}.", node);
                    break;
            }
        }

        return interfaces;
    }

    private List<ObjectType> UnionMembers(UnionType union, IEnumerable<NamedTypeNode> nodes)
    {
        var members = new List<ObjectType>();
        var firstNodes = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            var type = ResolveNamedType(node);
            switch (type)
            {
                case null:
                    break;
                case ObjectType obj:
                    if (!firstNodes.TryAdd(obj.Name, node))
                    {
                        SchemaError($"Union type {union.Name} can only include type {obj.Name} once.", firstNodes[obj.Name], node);
                    }
                    else
                    {
                        members.Add(obj);
                    }

                    break;
                default:
                    SchemaError($"Union type {union.Name} can only include Object types, it cannot include {type.Name}.", node);
                    break;
            }
        }

        return members;
    }

    private List<FieldDefinition> Fields(string typeName, IEnumerable<FieldDefinitionNode> nodes)
    {
        var fields = new List<FieldDefinition>();
        var seen = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!seen.TryAdd(node.Name.Value, node.Name))
            {
                Error($"Field \"{typeName}.{node.Name.Value}\" can only be defined once.", seen[node.Name.Value], node.Name);
                continue;
            }

            var type = ResolveType(node.Type);
            var arguments = InputValues(node.Arguments, $"{typeName}.{node.Name.Value}");
            if (type is null)
            {
                continue;
            }

            fields.Add(new FieldDefinition(
                node.Name.Value,
                type,
                arguments,
                node.Description?.Value,
                DeprecationReason(node.Directives),
                node.Directives,
                node));
        }

        return fields;
    }

    private List<InputValueDefinition> InputValues(IReadOnlyList<InputValueDefinitionNode> nodes, string parent, bool isInputObject = false)
    {
        var values = new List<InputValueDefinition>();
        var seen = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (!seen.TryAdd(node.Name.Value, node.Name))
            {
                Error(isInputObject
                    ? $"Field \"{parent}.{node.Name.Value}\" can only be defined once."
                    : $"Argument \"{parent}({node.Name.Value}:)\" can only be defined once.", seen[node.Name.Value], node.Name);
                continue;
            }

            var type = ResolveType(node.Type);
            if (type is null)
            {
                continue;
            }

            values.Add(new InputValueDefinition(
                node.Name.Value,
                type,
                node.DefaultValue,
                node.Description?.Value,
                DeprecationReason(node.Directives),
                node.Directives,
                node));
        }

        return values;
    }

    // ---- References -----------------------------------------------------------------------------------------

    private GraphQLType? ResolveType(TypeNode node) => node switch
    {
        NamedTypeNode named => ResolveNamedType(named),
        ListTypeNode list => ResolveType(list.Type)?.ListOf(),
        NonNullTypeNode nonNull => ResolveType(nonNull.Type)?.NonNullOf(),
        _ => null,
    };

    private NamedType? ResolveNamedType(NamedTypeNode node)
    {
        var name = node.Name.Value;
        if (_types.TryGetValue(name, out var type))
        {
            return type;
        }

        if (BuiltInScalars.Get(name) is { } scalar)
        {
            _types[name] = scalar;
            return scalar;
        }

        var known = _definitions.Keys.Concat(BuiltInScalars.Specified.Select(s => s.Name));
        Error($"Unknown type \"{name}\"." + DidYouMean.Format(DidYouMean.SuggestionList(name, known)), node);
        return null;
    }

    private (ObjectType Query, ObjectType? Mutation, ObjectType? Subscription, List<GraphQLError> Errors) ResolveRootTypes(
        SchemaDefinitionNode? schemaDefinition,
        List<SchemaExtensionNode> schemaExtensions)
    {
        var errors = new List<GraphQLError>();
        var operationTypes = new Dictionary<OperationType, OperationTypeDefinitionNode>();
        var operationNodes = (schemaDefinition?.OperationTypes ?? [])
            .Concat(_extraSchemaDefinitions.SelectMany(d => d.OperationTypes))
            .Concat(schemaExtensions.SelectMany(e => e.OperationTypes));
        foreach (var operationType in operationNodes)
        {
            if (!operationTypes.TryAdd(operationType.Operation, operationType))
            {
                Error($"There can be only one {Printer.OperationName(operationType.Operation)} type in schema.",
                    operationTypes[operationType.Operation], operationType);
            }
        }

        var useConventions = schemaDefinition is null;
        ObjectType? Root(OperationType operation, string conventionalName, string label)
        {
            NamedType? type = null;
            SyntaxNode? node = null;
            if (operationTypes.TryGetValue(operation, out var operationTypeNode))
            {
                type = ResolveNamedType(operationTypeNode.Type);
                node = operationTypeNode.Type;
            }
            else if (useConventions && _types.TryGetValue(conventionalName, out var conventional) && _definitions.ContainsKey(conventionalName))
            {
                type = conventional;
                node = _definitions[conventionalName];
            }

            if (type is null or ObjectType)
            {
                return (ObjectType?)type;
            }

            errors.Add(new GraphQLError(
                operation == OperationType.Query
                    ? $"{label} root type must be Object type, it cannot be {type.Name}."
                    : $"{label} root type must be Object type if provided, it cannot be {type.Name}.",
                node is null ? null : [node.Location.ToSourceLocation()]));
            return null;
        }

        var query = Root(OperationType.Query, "Query", "Query");
        var mutation = Root(OperationType.Mutation, "Mutation", "Mutation");
        var subscription = Root(OperationType.Subscription, "Subscription", "Subscription");
        if (query is null && errors.Count == 0)
        {
            errors.Add(new GraphQLError("Query root type must be provided.",
                schemaDefinition is null ? null : [schemaDefinition.Location.ToSourceLocation()]));
        }

        return (query ?? Placeholder, mutation, subscription, errors);
    }

    // Stands in for a missing query type so the rest of the schema can still be validated and reported.
    private static readonly ObjectType Placeholder = new("__MissingQuery");

    // ---- Applied directives ---------------------------------------------------------------------------------

    private void CheckAppliedDirectives(DocumentNode document)
    {
        var checker = new AppliedDirectiveChecker(this);
        checker.Walk(document);
    }

    private DirectiveDefinition? FindDirective(string name) =>
        _directives.GetValueOrDefault(name) ?? BuiltInDirectives.Get(name);

    /// <summary>
    /// The SDL rules on applied directives and literals: directives exist, are allowed where used and are not
    /// repeated; their arguments are known, unique and given when required; object literals have unique fields.
    /// </summary>
    private sealed class AppliedDirectiveChecker(SchemaBuilder builder) : SyntaxWalker
    {
        protected override WalkAction Enter(SyntaxNode node)
        {
            if (node is ExecutableDefinitionNode)
            {
                return WalkAction.SkipChildren;
            }

            if (node is ObjectValueNode objectValue)
            {
                CheckUniqueFields(objectValue);
            }

            if (node is not IHasDirectives { Directives.Count: > 0 } holder)
            {
                return WalkAction.Continue;
            }

            var location = LocationOf(node);
            var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
            foreach (var directive in holder.Directives)
            {
                var name = directive.Name.Value;
                CheckUniqueArguments(directive.Arguments);
                var definition = builder.FindDirective(name);
                if (definition is null)
                {
                    builder.Error($"Unknown directive \"@{name}\".", directive);
                    continue;
                }

                if (location is { } l && !definition.Locations.Contains(l))
                {
                    builder.Error($"Directive \"@{name}\" may not be used on {l}.", directive);
                }

                if (!definition.IsRepeatable && !seen.TryAdd(name, directive))
                {
                    builder.Error($"The directive \"@{name}\" can only be used once at this location.", seen[name], directive);
                }

                CheckArguments(directive, definition);
            }

            return WalkAction.Continue;
        }

        private void CheckArguments(DirectiveNode directive, DirectiveDefinition definition)
        {
            // As graphql-js, judge by the SDL's own definition when there is one (its arguments exist even if
            // their types do not).
            var name = directive.Name.Value;
            var declared = definition.AstNode is { } node
                ? node.Arguments.Select(a => (Name: a.Name.Value, Required: a.Type is NonNullTypeNode && a.DefaultValue is null, Type: Printer.Print(a.Type)))
                : definition.Arguments.Select(a => (a.Name, Required: a.IsRequired, Type: a.Type.ToString()));
            var arguments = declared.ToList();
            foreach (var argument in directive.Arguments)
            {
                if (arguments.All(a => a.Name != argument.Name.Value))
                {
                    var suggestions = DidYouMean.SuggestionList(argument.Name.Value, arguments.Select(a => a.Name));
                    builder.Error($"Unknown argument \"{argument.Name.Value}\" on directive \"@{name}\"." + DidYouMean.Format(suggestions), argument);
                }
            }

            foreach (var argument in arguments)
            {
                if (argument.Required && directive.Arguments.All(a => a.Name.Value != argument.Name))
                {
                    builder.Error(
                        $"Directive \"@{name}\" argument \"{argument.Name}\" of type \"{argument.Type}\" is required, but it was not provided.",
                        directive);
                }
            }
        }

        private void CheckUniqueArguments(IReadOnlyList<ArgumentNode> arguments)
        {
            foreach (var group in arguments.GroupBy(a => a.Name.Value).Where(g => g.Count() > 1))
            {
                builder.Error($"There can be only one argument named \"{group.Key}\".", group.Select(a => (SyntaxNode)a.Name).ToArray());
            }
        }

        private void CheckUniqueFields(ObjectValueNode value)
        {
            var seen = new Dictionary<string, NameNode>(StringComparer.Ordinal);
            foreach (var field in value.Fields)
            {
                if (!seen.TryAdd(field.Name.Value, field.Name))
                {
                    builder.Error($"There can be only one input field named \"{field.Name.Value}\".", seen[field.Name.Value], field.Name);
                }
            }
        }

        private DirectiveLocation? LocationOf(SyntaxNode node) => node switch
        {
            SchemaDefinitionNode or SchemaExtensionNode => DirectiveLocation.SCHEMA,
            ScalarTypeDefinitionNode or ScalarTypeExtensionNode => DirectiveLocation.SCALAR,
            ObjectTypeDefinitionNode or ObjectTypeExtensionNode => DirectiveLocation.OBJECT,
            FieldDefinitionNode => DirectiveLocation.FIELD_DEFINITION,
            InterfaceTypeDefinitionNode or InterfaceTypeExtensionNode => DirectiveLocation.INTERFACE,
            UnionTypeDefinitionNode or UnionTypeExtensionNode => DirectiveLocation.UNION,
            EnumTypeDefinitionNode or EnumTypeExtensionNode => DirectiveLocation.ENUM,
            EnumValueDefinitionNode => DirectiveLocation.ENUM_VALUE,
            InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode => DirectiveLocation.INPUT_OBJECT,
            InputValueDefinitionNode => Parent is InputObjectTypeDefinitionNode or InputObjectTypeExtensionNode
                ? DirectiveLocation.INPUT_FIELD_DEFINITION
                : DirectiveLocation.ARGUMENT_DEFINITION,
            DirectiveDefinitionNode => DirectiveLocation.DIRECTIVE_DEFINITION,
            _ => null,
        };
    }

    // ---- Helpers --------------------------------------------------------------------------------------------

    private static IReadOnlyList<DirectiveNode> CollectDirectives(
        IReadOnlyList<DirectiveNode>? own,
        IEnumerable<IReadOnlyList<DirectiveNode>> fromExtensions)
    {
        var all = new List<DirectiveNode>(own ?? []);
        foreach (var list in fromExtensions)
        {
            all.AddRange(list);
        }

        return all;
    }

    private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value != "deprecated")
            {
                continue;
            }

            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "reason" && argument.Value is StringValueNode reason)
                {
                    return reason.Value;
                }
            }

            return BuiltInDirectives.DefaultDeprecationReason;
        }

        return null;
    }

    private static string? SpecifiedByUrl(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value != "specifiedBy")
            {
                continue;
            }

            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "url" && argument.Value is StringValueNode url)
                {
                    return url.Value;
                }
            }
        }

        return null;
    }

    private void SchemaError(string message, params SyntaxNode[] nodes) =>
        _schemaErrors.Add(new GraphQLError(message, nodes.Select(n => n.Location.ToSourceLocation()).ToList()));

    private void Error(string message, params SyntaxNode[] nodes) =>
        _errors.Add(new GraphQLError(message, nodes.Select(n => n.Location.ToSourceLocation()).ToList()));
}
