using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;

namespace Hotspot.GraphQL.Introspection;

/// <summary>
/// The introspection system of spec section 4: the <c>__Schema</c>, <c>__Type</c>, <c>__Field</c>,
/// <c>__InputValue</c>, <c>__EnumValue</c>, <c>__Directive</c> types and the <c>__TypeKind</c> and
/// <c>__DirectiveLocation</c> enums, with resolvers over the executable model, plus the <c>__schema</c>,
/// <c>__type(name:)</c> and <c>__typename</c> meta fields. Includes everything graphql-js 16's full introspection
/// query asks for: <c>specifiedByURL</c>, <c>isOneOf</c>, <c>isRepeatable</c>, schema <c>description</c>,
/// and <c>includeDeprecated</c> on fields, enum values, arguments and input fields.
/// </summary>
internal static class IntrospectionSystem
{
    public sealed record MetaFields(ExecutableField Schema, ExecutableField Type, ExecutableField TypeName);

    private static readonly string[] TypeKinds = ["SCALAR", "OBJECT", "INTERFACE", "UNION", "ENUM", "INPUT_OBJECT", "LIST", "NON_NULL"];

    private static readonly string[] DirectiveLocations =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION", "DIRECTIVE_DEFINITION",
    ];

    /// <summary>Adds the introspection types to the model and returns the meta fields.</summary>
    public static MetaFields AddTo(SchemaReader reader, Func<ExecutableSchema> schema)
    {
        var schemaType = new ExecutableObjectType("__Schema",
            "A GraphQL schema as introspection reports it: its types, root operation types and directives.");
        var typeType = new ExecutableObjectType("__Type",
            "A type of the schema: a named type, or a list or non-null wrapper of another type. Which fields are set depends on `kind`.");
        var fieldType = new ExecutableObjectType("__Field", "A field of an object or interface type.");
        var inputValueType = new ExecutableObjectType("__InputValue",
            "An argument or input object field, with its type and optional default value.");
        var enumValueType = new ExecutableObjectType("__EnumValue", "One value of an enum type.");
        var directiveType = new ExecutableObjectType("__Directive",
            "A directive the server supports: where it may appear and which arguments it takes.");
        var typeKind = Enum("__TypeKind", "The kinds of types `__Type` can describe.", TypeKinds);
        var directiveLocation = Enum("__DirectiveLocation", "The places in documents and schemas where a directive may appear.", DirectiveLocations);
        foreach (var type in new ExecutableNamedType[] { schemaType, typeType, typeKind, fieldType, inputValueType, enumValueType, directiveType, directiveLocation })
            reader.AddType(type);

        ExecutableTypeRef Named(ExecutableNamedType type) => ExecutableTypeRef.Of(type);
        ExecutableTypeRef NonNull(ExecutableTypeRef type) => ExecutableTypeRef.NonNullOf(type);
        ExecutableTypeRef ListOfNonNull(ExecutableNamedType type) => NonNull(ExecutableTypeRef.ListOf(NonNull(Named(type))));
        var stringType = Named(reader.GetNamedType("String")!);
        var booleanType = Named(reader.GetNamedType("Boolean")!);
        ExecutableInputValue IncludeDeprecated() =>
            new("includeDeprecated", null, booleanType, true, false, "false", false, null);

        Define(schemaType,
            Field("description", stringType, p => ((ExecutableSchema)p).Description),
            Field("types", ListOfNonNull(typeType), p => ((ExecutableSchema)p).Types),
            Field("queryType", NonNull(Named(typeType)), p => ((ExecutableSchema)p).QueryType),
            Field("mutationType", Named(typeType), p => ((ExecutableSchema)p).MutationType),
            Field("subscriptionType", Named(typeType), p => ((ExecutableSchema)p).SubscriptionType),
            Field("directives", ListOfNonNull(directiveType), p => ((ExecutableSchema)p).Directives));

        Define(typeType,
            Field("kind", NonNull(Named(typeKind)), p => KindOf(p)),
            Field("name", stringType, p => (p as ExecutableNamedType)?.Name),
            Field("description", stringType, p => (p as ExecutableNamedType)?.Description),
            Field("specifiedByURL", stringType, p => (p as ExecutableScalarType)?.SpecifiedByUrl),
            Field("fields", ExecutableTypeRef.ListOf(NonNull(Named(fieldType))), (p, ctx) =>
            {
                var fields = p switch
                {
                    ExecutableObjectType o => o.Fields,
                    ExecutableInterfaceType i => i.Fields,
                    _ => null,
                };
                return fields is null ? null : FilterDeprecated(fields, f => f.IsDeprecated, ctx);
            }, IncludeDeprecated()),
            Field("interfaces", ExecutableTypeRef.ListOf(NonNull(Named(typeType))), p => p switch
            {
                ExecutableObjectType o => o.Interfaces,
                ExecutableInterfaceType i => i.Interfaces,
                _ => null,
            }),
            Field("possibleTypes", ExecutableTypeRef.ListOf(NonNull(Named(typeType))), p => p switch
            {
                ExecutableInterfaceType i => i.PossibleTypes,
                ExecutableUnionType u => u.PossibleTypes,
                _ => null,
            }),
            Field("enumValues", ExecutableTypeRef.ListOf(NonNull(Named(enumValueType))), (p, ctx) =>
                p is ExecutableEnumType e ? FilterDeprecated(e.Values, v => v.IsDeprecated, ctx) : null,
                IncludeDeprecated()),
            Field("inputFields", ExecutableTypeRef.ListOf(NonNull(Named(inputValueType))), (p, ctx) =>
                p is ExecutableInputObjectType i ? FilterDeprecated(i.Fields, f => f.IsDeprecated, ctx) : null,
                IncludeDeprecated()),
            Field("ofType", Named(typeType), p => p is ExecutableTypeRef wrapper ? TypeValue(wrapper.OfType!) : null),
            Field("isOneOf", booleanType, p => p is ExecutableInputObjectType i ? i.IsOneOf : null));

        Define(fieldType,
            Field("name", NonNull(stringType), p => ((ExecutableField)p).Name),
            Field("description", stringType, p => ((ExecutableField)p).Description),
            Field("args", ListOfNonNull(inputValueType), (p, ctx) =>
                FilterDeprecated(((ExecutableField)p).Arguments, a => a.IsDeprecated, ctx), IncludeDeprecated()),
            Field("type", NonNull(Named(typeType)), p => TypeValue(((ExecutableField)p).Type)),
            Field("isDeprecated", NonNull(booleanType), p => ((ExecutableField)p).IsDeprecated),
            Field("deprecationReason", stringType, p => ((ExecutableField)p).DeprecationReason));

        Define(inputValueType,
            Field("name", NonNull(stringType), p => ((ExecutableInputValue)p).Name),
            Field("description", stringType, p => ((ExecutableInputValue)p).Description),
            Field("type", NonNull(Named(typeType)), p => TypeValue(((ExecutableInputValue)p).Type)),
            Field("defaultValue", stringType, p => ((ExecutableInputValue)p).DefaultValueLiteral),
            Field("isDeprecated", NonNull(booleanType), p => ((ExecutableInputValue)p).IsDeprecated),
            Field("deprecationReason", stringType, p => ((ExecutableInputValue)p).DeprecationReason));

        Define(enumValueType,
            Field("name", NonNull(stringType), p => ((ExecutableEnumValue)p).Name),
            Field("description", stringType, p => ((ExecutableEnumValue)p).Description),
            Field("isDeprecated", NonNull(booleanType), p => ((ExecutableEnumValue)p).IsDeprecated),
            Field("deprecationReason", stringType, p => ((ExecutableEnumValue)p).DeprecationReason));

        Define(directiveType,
            Field("name", NonNull(stringType), p => ((ExecutableDirective)p).Name),
            Field("description", stringType, p => ((ExecutableDirective)p).Description),
            Field("isRepeatable", NonNull(booleanType), p => ((ExecutableDirective)p).IsRepeatable),
            Field("locations", ListOfNonNull(directiveLocation), p => ((ExecutableDirective)p).Locations),
            Field("args", ListOfNonNull(inputValueType), (p, ctx) =>
                FilterDeprecated(((ExecutableDirective)p).Arguments, a => a.IsDeprecated, ctx), IncludeDeprecated()));

        // Meta fields: declared on no type; the executor offers them where the spec allows.
        var schemaField = new ExecutableField("__schema", "Access the current type schema of this server.",
            NonNull(Named(schemaType)), [], false, null)
        {
            DeclaringType = schemaType,
            Resolver = _ => new ValueTask<object?>(schema()),
        };
        var typeField = new ExecutableField("__type", "Request the type information of a single type.",
            Named(typeType), [new ExecutableInputValue("name", null, NonNull(stringType), false, null, null, false, null)], false, null)
        {
            DeclaringType = typeType,
            Resolver = ctx => new ValueTask<object?>(ctx.Schema.GetType(ctx.Argument<string>("name"))),
        };
        var typeNameField = new ExecutableField("__typename", "The name of the current Object type at runtime.",
            NonNull(stringType), [], false, null)
        {
            DeclaringType = typeType,
        };
        foreach (var meta in new[] { schemaField, typeField, typeNameField }) meta.DefaultReader = new PropertyReader(meta.Name);
        foreach (var type in new ExecutableNamedType[] { schemaType, typeType, typeKind, fieldType, inputValueType, enumValueType, directiveType, directiveLocation })
            SpecifiedDescriptions.ApplyToIntrospectionType(type);
        SpecifiedDescriptions.ApplyToMetaFields(schemaField, typeField, typeNameField);
        return new MetaFields(schemaField, typeField, typeNameField);
    }

    /// <summary>The __Type value of a reference: the named type itself, or the wrapper.</summary>
    private static object TypeValue(ExecutableTypeRef type) => type.Named ?? (object)type;

    private static string KindOf(object type) => type switch
    {
        ExecutableTypeRef { IsList: true } => "LIST",
        ExecutableTypeRef { IsNonNull: true } => "NON_NULL",
        ExecutableNamedType named => named.Kind switch
        {
            ExecutableTypeKind.Scalar => "SCALAR",
            ExecutableTypeKind.Object => "OBJECT",
            ExecutableTypeKind.Interface => "INTERFACE",
            ExecutableTypeKind.Union => "UNION",
            ExecutableTypeKind.Enum => "ENUM",
            _ => "INPUT_OBJECT",
        },
        _ => throw new InvalidOperationException("Not a type."),
    };

    private static object FilterDeprecated<T>(T[] items, Func<T, bool> isDeprecated, ResolverContext context)
    {
        if (context.Arguments.TryGetValue("includeDeprecated", out var include) && include is true) return items;
        bool any = false;
        foreach (var item in items)
        {
            if (isDeprecated(item))
            {
                any = true;
                break;
            }
        }
        if (!any) return items;
        var kept = new List<T>(items.Length);
        foreach (var item in items)
            if (!isDeprecated(item)) kept.Add(item);
        return kept;
    }

    private static ExecutableEnumType Enum(string name, string description, string[] values)
    {
        var type = new ExecutableEnumType(name, description)
        {
            Values = values.Select(v => new ExecutableEnumValue(v, null, null, false)).ToArray(),
        };
        foreach (var value in type.Values)
        {
            type.ValueMap[value.Name] = value;
            type.LooseValueMap.TryAdd(value.Name.Replace("_", "", StringComparison.Ordinal), value);
        }
        return type;
    }

    private static void Define(ExecutableObjectType type, params ExecutableField[] fields)
    {
        foreach (var field in fields) field.DeclaringType = type;
        type.Fields = fields;
        foreach (var field in fields) type.FieldMap[field.Name] = field;
    }

    private static ExecutableField Field(string name, ExecutableTypeRef type, Func<object, object?> resolve)
    {
        var field = new ExecutableField(name, null, type, [], false, null)
        {
            Resolver = ctx => new ValueTask<object?>(resolve(ctx.Parent!)),
        };
        field.DefaultReader = new PropertyReader(name);
        return field;
    }

    private static ExecutableField Field(string name, ExecutableTypeRef type, Func<object, ResolverContext, object?> resolve,
        params ExecutableInputValue[] arguments)
    {
        var field = new ExecutableField(name, null, type, arguments, false, null)
        {
            Resolver = ctx => new ValueTask<object?>(resolve(ctx.Parent!, ctx)),
        };
        field.DefaultReader = new PropertyReader(name);
        return field;
    }
}
