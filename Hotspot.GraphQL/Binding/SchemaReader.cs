using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Reads a type-system document (SDL, with extensions) into the executable type model, as graphql-js's
/// <c>buildASTSchema</c> does: built-in scalars only when referenced, the five specified directives, default
/// values coerced, <c>@deprecated</c>/<c>@specifiedBy</c>/<c>@oneOf</c> read. Problems are collected, not thrown.
/// </summary>
internal sealed class SchemaReader
{
    private const string DefaultDeprecationReason = "No longer supported";

    private readonly List<string> _errors;
    private readonly Dictionary<string, ExecutableNamedType> _types = new(StringComparer.Ordinal);
    private readonly List<ExecutableNamedType> _order = new();
    private readonly Dictionary<string, List<TypeSystemDefinitionNode>> _definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TypeExtensionNode>> _extensions = new(StringComparer.Ordinal);
    private readonly Dictionary<ExecutableInputValue, ValueNode> _pendingDefaults = new();

    public SchemaReader(List<string> errors) => _errors = errors;

    public string? Description { get; private set; }
    public ExecutableObjectType? QueryType { get; private set; }
    public ExecutableObjectType? MutationType { get; private set; }
    public ExecutableObjectType? SubscriptionType { get; private set; }
    public List<ExecutableDirective> Directives { get; } = new();
    public IReadOnlyList<ExecutableNamedType> Types => _order;

    public void Read(DocumentNode document)
    {
        var directiveDefinitions = new List<DirectiveDefinitionNode>();
        var schemaOperations = new List<OperationTypeDefinitionNode>();
        bool hasSchemaDefinition = false;
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case TypeDefinitionNode type:
                    if (_types.ContainsKey(type.Name.Value))
                    {
                        _errors.Add($"There can be only one type named \"{type.Name.Value}\".");
                        continue;
                    }
                    var created = CreateType(type);
                    if (created is null) continue;
                    _types[created.Name] = created;
                    _order.Add(created);
                    _definitions[created.Name] = new List<TypeSystemDefinitionNode> { type };
                    break;
                case TypeExtensionNode extension:
                    if (!_extensions.TryGetValue(extension.Name.Value, out var list))
                        _extensions[extension.Name.Value] = list = new List<TypeExtensionNode>();
                    list.Add(extension);
                    break;
                case DirectiveDefinitionNode directive:
                    directiveDefinitions.Add(directive);
                    break;
                case SchemaDefinitionNode schema:
                    hasSchemaDefinition = true;
                    Description = schema.Description?.Value;
                    schemaOperations.AddRange(schema.OperationTypes);
                    break;
                case SchemaExtensionNode schemaExtension:
                    schemaOperations.AddRange(schemaExtension.OperationTypes);
                    break;
                case ExecutableDefinitionNode:
                    _errors.Add("A schema document cannot hold operations or fragments.");
                    break;
            }
        }
        foreach (var name in _extensions.Keys)
        {
            if (!_types.ContainsKey(name)) _errors.Add($"Cannot extend type \"{name}\" because it is not defined.");
        }

        foreach (var type in _order.ToArray()) FillType(type);

        // As graphql-js: the SDL's directives in document order, then the specified ones it did not restate.
        foreach (var node in directiveDefinitions)
        {
            Directives.Add(new ExecutableDirective(node.Name.Value, node.Description?.Value,
                node.Locations.Select(l => l.Value).ToArray(), ReadArguments(node.Arguments), node.Repeatable));
        }
        foreach (var directive in BuiltInDirectives())
        {
            if (Directives.Exists(d => d.Name == directive.Name)) continue;
            Introspection.SpecifiedDescriptions.ApplyToDirective(directive);
            Directives.Add(directive);
        }

        if (hasSchemaDefinition || schemaOperations.Count > 0)
        {
            foreach (var operation in schemaOperations)
            {
                var root = GetObjectType(operation.Type.Name.Value);
                switch (operation.Operation)
                {
                    case OperationType.Query: QueryType = root; break;
                    case OperationType.Mutation: MutationType = root; break;
                    default: SubscriptionType = root; break;
                }
            }
        }
        else
        {
            QueryType = _types.GetValueOrDefault("Query") as ExecutableObjectType;
            MutationType = _types.GetValueOrDefault("Mutation") as ExecutableObjectType;
            SubscriptionType = _types.GetValueOrDefault("Subscription") as ExecutableObjectType;
        }
        if (QueryType is null) _errors.Add("Query root type must be provided.");

        ComputePossibleTypes();
        foreach (var (value, node) in _pendingDefaults.ToArray()) CoerceDefault(value, node, new HashSet<ExecutableInputValue>());
    }

    /// <summary>Adds types defined in code (introspection) to the model, before or after reading SDL.</summary>
    public void AddType(ExecutableNamedType type)
    {
        _types[type.Name] = type;
        _order.Add(type);
    }

    /// <summary>The named type, creating a built-in scalar on first reference.</summary>
    public ExecutableNamedType? GetNamedType(string name)
    {
        if (_types.TryGetValue(name, out var type)) return type;
        var builtIn = name switch
        {
            "Int" => BuiltInScalar.Int,
            "Float" => BuiltInScalar.Float,
            "String" => BuiltInScalar.String,
            "Boolean" => BuiltInScalar.Boolean,
            "ID" => BuiltInScalar.ID,
            _ => BuiltInScalar.None,
        };
        if (builtIn == BuiltInScalar.None) return null;
        var scalar = new ExecutableScalarType(name, null, null, builtIn);
        Introspection.SpecifiedDescriptions.ApplyToScalar(scalar);
        _types[name] = scalar;
        _order.Add(scalar);
        return scalar;
    }

    private ExecutableObjectType? GetObjectType(string name)
    {
        var type = GetNamedType(name);
        if (type is ExecutableObjectType objectType) return objectType;
        _errors.Add(type is null ? $"Unknown type \"{name}\"." : $"Root type \"{name}\" must be an object type.");
        return null;
    }

    public ExecutableTypeRef? ReadTypeRef(TypeNode node)
    {
        switch (node)
        {
            case NonNullTypeNode nonNull:
                return ReadTypeRef(nonNull.Type) is { } inner ? ExecutableTypeRef.NonNullOf(inner) : null;
            case ListTypeNode list:
                return ReadTypeRef(list.Type) is { } item ? ExecutableTypeRef.ListOf(item) : null;
            case NamedTypeNode named:
                var type = GetNamedType(named.Name.Value);
                if (type is null)
                {
                    _errors.Add($"Unknown type \"{named.Name.Value}\".");
                    return null;
                }
                return ExecutableTypeRef.Of(type);
        }
        return null;
    }

    private static ExecutableNamedType? CreateType(TypeDefinitionNode node)
    {
        var name = node.Name.Value;
        var description = node.Description?.Value;
        return node switch
        {
            ObjectTypeDefinitionNode => new ExecutableObjectType(name, description),
            InterfaceTypeDefinitionNode => new ExecutableInterfaceType(name, description),
            UnionTypeDefinitionNode => new ExecutableUnionType(name, description),
            EnumTypeDefinitionNode => new ExecutableEnumType(name, description),
            InputObjectTypeDefinitionNode input => new ExecutableInputObjectType(name, description,
                HasDirective(input.Directives, "oneOf")),
            ScalarTypeDefinitionNode scalar => new ExecutableScalarType(name, description,
                ReadSpecifiedBy(scalar.Directives), BuiltInScalarFor(name)),
            _ => null,
        };
    }

    private static BuiltInScalar BuiltInScalarFor(string name) => name switch
    {
        "Int" => BuiltInScalar.Int,
        "Float" => BuiltInScalar.Float,
        "String" => BuiltInScalar.String,
        "Boolean" => BuiltInScalar.Boolean,
        "ID" => BuiltInScalar.ID,
        _ => BuiltInScalar.None,
    };

    private void FillType(ExecutableNamedType type)
    {
        var extensions = _extensions.GetValueOrDefault(type.Name) ?? new List<TypeExtensionNode>();
        var definition = _definitions.GetValueOrDefault(type.Name)?[0];
        if (definition is null) return; // built-in scalars and introspection types
        switch (type)
        {
            case ExecutableObjectType objectType:
            {
                var node = (ObjectTypeDefinitionNode)definition!;
                var fieldNodes = node.Fields.Concat(extensions.OfType<ObjectTypeExtensionNode>().SelectMany(e => e.Fields));
                var interfaceNodes = node.Interfaces.Concat(extensions.OfType<ObjectTypeExtensionNode>().SelectMany(e => e.Interfaces));
                objectType.Fields = ReadFields(fieldNodes, objectType);
                objectType.FieldMap = ToMap(objectType.Fields);
                objectType.Interfaces = ReadInterfaces(interfaceNodes);
                break;
            }
            case ExecutableInterfaceType interfaceType:
            {
                var node = (InterfaceTypeDefinitionNode)definition!;
                var fieldNodes = node.Fields.Concat(extensions.OfType<InterfaceTypeExtensionNode>().SelectMany(e => e.Fields));
                var interfaceNodes = node.Interfaces.Concat(extensions.OfType<InterfaceTypeExtensionNode>().SelectMany(e => e.Interfaces));
                interfaceType.Fields = ReadFields(fieldNodes, interfaceType);
                interfaceType.FieldMap = ToMap(interfaceType.Fields);
                interfaceType.Interfaces = ReadInterfaces(interfaceNodes);
                break;
            }
            case ExecutableUnionType unionType:
            {
                var node = (UnionTypeDefinitionNode)definition!;
                var members = new List<ExecutableObjectType>();
                foreach (var member in node.Types.Concat(extensions.OfType<UnionTypeExtensionNode>().SelectMany(e => e.Types)))
                {
                    if (GetNamedType(member.Name.Value) is ExecutableObjectType objectType) members.Add(objectType);
                    else _errors.Add($"Union type {type.Name} can only include Object types, it cannot include {member.Name.Value}.");
                }
                unionType.PossibleTypes = members.ToArray();
                break;
            }
            case ExecutableEnumType enumType:
            {
                var node = (EnumTypeDefinitionNode)definition!;
                var values = new List<ExecutableEnumValue>();
                foreach (var valueNode in node.Values.Concat(extensions.OfType<EnumTypeExtensionNode>().SelectMany(e => e.Values)))
                {
                    var (deprecated, reason) = ReadDeprecation(valueNode.Directives);
                    values.Add(new ExecutableEnumValue(valueNode.Name.Value, valueNode.Description?.Value, reason, deprecated));
                }
                enumType.Values = values.ToArray();
                foreach (var value in values)
                {
                    enumType.ValueMap[value.Name] = value;
                    enumType.LooseValueMap.TryAdd(value.Name.Replace("_", "", StringComparison.Ordinal), value);
                }
                break;
            }
            case ExecutableInputObjectType inputType:
            {
                var node = (InputObjectTypeDefinitionNode)definition!;
                var fields = node.Fields.Concat(extensions.OfType<InputObjectTypeExtensionNode>().SelectMany(e => e.Fields));
                inputType.Fields = ReadArguments(fields.ToList());
                foreach (var field in inputType.Fields) inputType.FieldMap[field.Name] = field;
                break;
            }
        }
    }

    private ExecutableField[] ReadFields(IEnumerable<FieldDefinitionNode> nodes, ExecutableNamedType declaringType)
    {
        var fields = new List<ExecutableField>();
        foreach (var node in nodes)
        {
            var type = ReadTypeRef(node.Type);
            if (type is null) continue;
            var (deprecated, reason) = ReadDeprecation(node.Directives);
            var field = new ExecutableField(node.Name.Value, node.Description?.Value, type, ReadArguments(node.Arguments),
                deprecated, reason)
            {
                DeclaringType = declaringType,
            };
            field.DefaultReader = new PropertyReader(field.Name);
            fields.Add(field);
        }
        return fields.ToArray();
    }

    private static Dictionary<string, ExecutableField> ToMap(ExecutableField[] fields)
    {
        var map = new Dictionary<string, ExecutableField>(fields.Length, StringComparer.Ordinal);
        foreach (var field in fields) map.TryAdd(field.Name, field);
        return map;
    }

    private ExecutableInterfaceType[] ReadInterfaces(IEnumerable<NamedTypeNode> nodes)
    {
        var result = new List<ExecutableInterfaceType>();
        foreach (var node in nodes)
        {
            if (GetNamedType(node.Name.Value) is ExecutableInterfaceType interfaceType) result.Add(interfaceType);
            else _errors.Add($"Type \"{node.Name.Value}\" is not an interface type.");
        }
        return result.ToArray();
    }

    public ExecutableInputValue[] ReadArguments(IReadOnlyList<InputValueDefinitionNode> nodes)
    {
        var result = new List<ExecutableInputValue>(nodes.Count);
        foreach (var node in nodes)
        {
            var type = ReadTypeRef(node.Type);
            if (type is null) continue;
            var (deprecated, reason) = ReadDeprecation(node.Directives);
            var value = new ExecutableInputValue(node.Name.Value, node.Description?.Value, type, node.DefaultValue is not null,
                null, null, deprecated, reason);
            if (node.DefaultValue is not null) _pendingDefaults[value] = node.DefaultValue;
            result.Add(value);
        }
        return result.ToArray();
    }

    private void CoerceDefault(ExecutableInputValue value, ValueNode node, HashSet<ExecutableInputValue> inProgress)
    {
        if (!_pendingDefaults.ContainsKey(value) || !inProgress.Add(value)) return;
        // Defaults of nested input fields first, since coercing this default may fill them in.
        if (value.Type.NamedType is ExecutableInputObjectType nested)
        {
            foreach (var field in nested.Fields)
                if (_pendingDefaults.TryGetValue(field, out var fieldNode)) CoerceDefault(field, fieldNode, inProgress);
        }
        _pendingDefaults.Remove(value);
        if (InputCoercion.TryValueFromAst(node, value.Type, null, out var coerced))
        {
            value.DefaultValue = coerced;
            value.DefaultValueLiteral = Introspection.DefaultValuePrinter.Print(coerced, value.Type) ?? Printer.Print(node);
        }
        else
        {
            _errors.Add($"Default value {Printer.Print(node)} of \"{value.Name}\" is not a valid {value.Type}.");
        }
    }

    private void ComputePossibleTypes()
    {
        var implementations = new Dictionary<ExecutableInterfaceType, List<ExecutableObjectType>>();
        foreach (var type in _order)
        {
            if (type is not ExecutableObjectType objectType) continue;
            foreach (var implemented in objectType.Interfaces)
            {
                if (!implementations.TryGetValue(implemented, out var list)) implementations[implemented] = list = new();
                list.Add(objectType);
            }
        }
        foreach (var type in _order)
        {
            if (type is ExecutableInterfaceType interfaceType)
                interfaceType.PossibleTypes = implementations.GetValueOrDefault(interfaceType)?.ToArray() ?? [];
        }
    }

    private static (bool Deprecated, string? Reason) ReadDeprecation(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value != "deprecated") continue;
            foreach (var argument in directive.Arguments)
            {
                if (argument.Name.Value == "reason" && argument.Value is StringValueNode reason) return (true, reason.Value);
            }
            return (true, DefaultDeprecationReason);
        }
        return (false, null);
    }

    private static string? ReadSpecifiedBy(IReadOnlyList<DirectiveNode> directives)
    {
        foreach (var directive in directives)
        {
            if (directive.Name.Value != "specifiedBy") continue;
            foreach (var argument in directive.Arguments)
                if (argument.Name.Value == "url" && argument.Value is StringValueNode url) return url.Value;
        }
        return null;
    }

    private static bool HasDirective(IReadOnlyList<DirectiveNode> directives, string name)
    {
        foreach (var directive in directives)
            if (directive.Name.Value == name) return true;
        return false;
    }

    private IEnumerable<ExecutableDirective> BuiltInDirectives()
    {
        var boolean = ExecutableTypeRef.NonNullOf(ExecutableTypeRef.Of(GetNamedType("Boolean")!));
        var stringType = ExecutableTypeRef.Of(GetNamedType("String")!);
        ExecutableInputValue Arg(string name, string description, ExecutableTypeRef type, string? defaultValue = null) =>
            new(name, description, type, defaultValue is not null, defaultValue,
                defaultValue is null ? null : Printer.PrintString(defaultValue), false, null);
        yield return new ExecutableDirective("include",
            "Includes the field or fragment only when `if` is true.",
            ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"], [Arg("if", "Included when true.", boolean)], false);
        yield return new ExecutableDirective("skip",
            "Skips the field or fragment when `if` is true.",
            ["FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"], [Arg("if", "Skipped when true.", boolean)], false);
        yield return new ExecutableDirective("deprecated",
            "Marks a field, argument, input field or enum value as deprecated.",
            // graphql-js 16.15 also lists DIRECTIVE_DEFINITION (so does the type system's SpecifiedSdl).
            ["FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE", "DIRECTIVE_DEFINITION"],
            [Arg("reason", "Why it is deprecated and what to use instead (Markdown).", stringType, DefaultDeprecationReason)],
            false);
        yield return new ExecutableDirective("specifiedBy",
            "Links to the specification of a custom scalar.",
            ["SCALAR"], [Arg("url", "The specification's URL.", ExecutableTypeRef.NonNullOf(stringType))], false);
        yield return new ExecutableDirective("oneOf",
            "Requires exactly one field of the input object, and that field must not be null.",
            ["INPUT_OBJECT"], [], false);
    }
}
