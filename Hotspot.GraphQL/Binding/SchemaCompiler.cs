using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Binding;

/// <summary>
/// Compiles a validated <see cref="Schema"/> into the executor's model: one executable type per named type of the
/// schema (in its order, introspection types included), fields with their default readers, enum lookups, input
/// defaults coerced once, the directives and the meta fields. The SDL was read once, by <see cref="SchemaBuilder"/>;
/// this reads only its definitions. <c>ExecutableSchemaBuilder</c> then binds resolvers to the compiled fields.
/// </summary>
internal sealed class SchemaCompiler
{
    private readonly List<string> _problems;
    private readonly Dictionary<string, ExecutableNamedType> _types = new(StringComparer.Ordinal);
    private readonly List<ExecutableNamedType> _order = [];
    private readonly Dictionary<ExecutableInputValue, InputValueDefinition> _pendingDefaults = new();

    public SchemaCompiler(Schema typeSystem, List<string> problems)
    {
        TypeSystem = typeSystem;
        _problems = problems;
        foreach (var type in typeSystem.Types)
        {
            var compiled = CreateType(type);
            _types[compiled.Name] = compiled;
            _order.Add(compiled);
        }

        foreach (var type in typeSystem.Types) FillType(type);
        Directives = typeSystem.Directives.Select(CompileDirective).ToArray();
        QueryType = (ExecutableObjectType)_types[typeSystem.QueryType.Name];
        MutationType = typeSystem.MutationType is { } mutation ? (ExecutableObjectType)_types[mutation.Name] : null;
        SubscriptionType = typeSystem.SubscriptionType is { } subscription ? (ExecutableObjectType)_types[subscription.Name] : null;
        SchemaMetaField = CompileField(IntrospectionTypes.SchemaMetaField, _types["__Schema"]);
        TypeMetaField = CompileField(IntrospectionTypes.TypeMetaField, _types["__Type"]);
        TypeNameMetaField = CompileField(IntrospectionTypes.TypeNameMetaField, _types["__Type"]);
        foreach (var (value, definition) in _pendingDefaults.ToArray()) CoerceDefault(value, definition, []);
    }

    public Schema TypeSystem { get; }
    public IReadOnlyList<ExecutableNamedType> Types => _order;
    public IReadOnlyList<ExecutableDirective> Directives { get; }
    public ExecutableObjectType QueryType { get; }
    public ExecutableObjectType? MutationType { get; }
    public ExecutableObjectType? SubscriptionType { get; }
    public ExecutableField SchemaMetaField { get; }
    public ExecutableField TypeMetaField { get; }
    public ExecutableField TypeNameMetaField { get; }

    public ExecutableNamedType? GetNamedType(string name) => _types.GetValueOrDefault(name);

    private static ExecutableNamedType CreateType(NamedType type) => type switch
    {
        ObjectType => new ExecutableObjectType(type.Name, type.Description),
        InterfaceType => new ExecutableInterfaceType(type.Name, type.Description),
        UnionType => new ExecutableUnionType(type.Name, type.Description),
        EnumType => new ExecutableEnumType(type.Name, type.Description),
        InputObjectType input => new ExecutableInputObjectType(type.Name, type.Description, input.IsOneOf),
        ScalarType scalar => new ExecutableScalarType(type.Name, type.Description, scalar.SpecifiedByUrl, BuiltInScalarFor(type.Name))
        {
            // The schema's coercion: its build options', else the shipped one (DateTime, Long), else pass-through.
            Coercion = scalar.Coercion,
        },
        _ => throw new InvalidOperationException($"Unknown kind of type \"{type.Name}\"."),
    };

    private static BuiltInScalar BuiltInScalarFor(string name) => name switch
    {
        "Int" => BuiltInScalar.Int,
        "Float" => BuiltInScalar.Float,
        "String" => BuiltInScalar.String,
        "Boolean" => BuiltInScalar.Boolean,
        "ID" => BuiltInScalar.ID,
        _ => BuiltInScalar.None,
    };

    private void FillType(NamedType type)
    {
        switch (_types[type.Name])
        {
            case ExecutableObjectType objectType:
            {
                var complex = (ComplexType)type;
                objectType.Fields = complex.Fields.Select(f => CompileField(f, objectType)).ToArray();
                objectType.FieldMap = ToMap(objectType.Fields);
                objectType.Interfaces = complex.Interfaces.Select(i => (ExecutableInterfaceType)_types[i.Name]).ToArray();
                break;
            }
            case ExecutableInterfaceType interfaceType:
            {
                var complex = (ComplexType)type;
                interfaceType.Fields = complex.Fields.Select(f => CompileField(f, interfaceType)).ToArray();
                interfaceType.FieldMap = ToMap(interfaceType.Fields);
                interfaceType.Interfaces = complex.Interfaces.Select(i => (ExecutableInterfaceType)_types[i.Name]).ToArray();
                interfaceType.PossibleTypes = TypeSystem.GetPossibleTypes(type)
                    .Select(o => (ExecutableObjectType)_types[o.Name]).ToArray();
                break;
            }
            case ExecutableUnionType unionType:
                unionType.PossibleTypes = ((UnionType)type).Types.Select(o => (ExecutableObjectType)_types[o.Name]).ToArray();
                break;
            case ExecutableEnumType enumType:
                enumType.Values = ((EnumType)type).Values
                    .Select(v => new ExecutableEnumValue(v.Name, v.Description, v.DeprecationReason, v.IsDeprecated))
                    .ToArray();
                foreach (var value in enumType.Values)
                {
                    enumType.ValueMap[value.Name] = value;
                    enumType.LooseValueMap.TryAdd(value.Name.Replace("_", "", StringComparison.Ordinal), value);
                }

                break;
            case ExecutableInputObjectType inputType:
                inputType.Fields = CompileInputValues(((InputObjectType)type).Fields);
                foreach (var field in inputType.Fields) inputType.FieldMap[field.Name] = field;
                break;
        }
    }

    private ExecutableField CompileField(FieldDefinition definition, ExecutableNamedType declaringType)
    {
        var field = new ExecutableField(definition.Name, definition.Description, Reference(definition.Type),
            CompileInputValues(definition.Arguments), definition.IsDeprecated, definition.DeprecationReason)
        {
            DeclaringType = declaringType,
        };
        field.DefaultReader = new PropertyReader(field.Name);
        return field;
    }

    private ExecutableDirective CompileDirective(DirectiveDefinition definition) =>
        new(definition.Name, definition.Description, definition.Locations.Select(l => l.ToString()).ToArray(),
            CompileInputValues(definition.Arguments), definition.IsRepeatable, definition.DeprecationReason);

    private ExecutableInputValue[] CompileInputValues(IReadOnlyList<InputValueDefinition> definitions)
    {
        var values = new ExecutableInputValue[definitions.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var definition = definitions[i];
            values[i] = new ExecutableInputValue(definition.Name, definition.Description, Reference(definition.Type),
                definition.HasDefaultValue, null, null, definition.IsDeprecated, definition.DeprecationReason);
            if (definition.HasDefaultValue) _pendingDefaults[values[i]] = definition;
        }

        return values;
    }

    private ExecutableTypeRef Reference(GraphQLType type) => type switch
    {
        NonNullType nonNull => ExecutableTypeRef.NonNullOf(Reference(nonNull.OfType)),
        ListType list => ExecutableTypeRef.ListOf(Reference(list.OfType)),
        _ => ExecutableTypeRef.Of(_types[type.GetNamedType().Name]),
    };

    private static Dictionary<string, ExecutableField> ToMap(ExecutableField[] fields)
    {
        var map = new Dictionary<string, ExecutableField>(fields.Length, StringComparer.Ordinal);
        foreach (var field in fields) map.TryAdd(field.Name, field);
        return map;
    }

    // Coerces a default once, at start-up; defaults of nested input fields first, since this one may use them.
    private void CoerceDefault(ExecutableInputValue value, InputValueDefinition definition, HashSet<ExecutableInputValue> inProgress)
    {
        if (!_pendingDefaults.ContainsKey(value) || !inProgress.Add(value)) return;
        if (value.Type.NamedType is ExecutableInputObjectType nested)
        {
            foreach (var field in nested.Fields)
                if (_pendingDefaults.TryGetValue(field, out var fieldDefinition)) CoerceDefault(field, fieldDefinition, inProgress);
        }

        _pendingDefaults.Remove(value);
        var literal = definition.DefaultValue!;
        if (InputCoercion.TryValueFromAst(literal, value.Type, null, out var coerced))
        {
            value.DefaultValue = coerced;
            value.DefaultValueLiteral = DefaultValuePrinter.Print(definition) ?? Printer.Print(literal);
        }
        else
        {
            _problems.Add($"Default value {Printer.Print(literal)} of \"{value.Name}\" is not a valid {value.Type}.");
        }
    }
}
