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
    /// <summary>Binds the resolvers of the compiled introspection types and meta fields.</summary>
    public static void Bind(SchemaCompiler compiled, Func<ExecutableSchema> schema)
    {
        var schemaType = (ExecutableObjectType)compiled.GetNamedType("__Schema")!;
        Resolve(schemaType, "description", p => ((ExecutableSchema)p).Description);
        Resolve(schemaType, "types", p => ((ExecutableSchema)p).Types);
        Resolve(schemaType, "queryType", p => ((ExecutableSchema)p).QueryType);
        Resolve(schemaType, "mutationType", p => ((ExecutableSchema)p).MutationType);
        Resolve(schemaType, "subscriptionType", p => ((ExecutableSchema)p).SubscriptionType);
        Resolve(schemaType, "directives", p => ((ExecutableSchema)p).Directives);

        var typeType = (ExecutableObjectType)compiled.GetNamedType("__Type")!;
        Resolve(typeType, "kind", p => KindOf(p));
        Resolve(typeType, "name", p => (p as ExecutableNamedType)?.Name);
        Resolve(typeType, "description", p => (p as ExecutableNamedType)?.Description);
        Resolve(typeType, "specifiedByURL", p => (p as ExecutableScalarType)?.SpecifiedByUrl);
        Resolve(typeType, "fields", (p, ctx) =>
        {
            var fields = p switch
            {
                ExecutableObjectType o => o.Fields,
                ExecutableInterfaceType i => i.Fields,
                _ => null,
            };
            return fields is null ? null : FilterDeprecated(fields, f => f.IsDeprecated, ctx);
        });
        Resolve(typeType, "interfaces", p => p switch
        {
            ExecutableObjectType o => o.Interfaces,
            ExecutableInterfaceType i => i.Interfaces,
            _ => null,
        });
        Resolve(typeType, "possibleTypes", p => p switch
        {
            ExecutableInterfaceType i => i.PossibleTypes,
            ExecutableUnionType u => u.PossibleTypes,
            _ => null,
        });
        Resolve(typeType, "enumValues", (p, ctx) =>
            p is ExecutableEnumType e ? FilterDeprecated(e.Values, v => v.IsDeprecated, ctx) : null);
        Resolve(typeType, "inputFields", (p, ctx) =>
            p is ExecutableInputObjectType i ? FilterDeprecated(i.Fields, f => f.IsDeprecated, ctx) : null);
        Resolve(typeType, "ofType", p => p is ExecutableTypeRef wrapper ? TypeValue(wrapper.OfType!) : null);
        Resolve(typeType, "isOneOf", p => p is ExecutableInputObjectType i ? i.IsOneOf : null);

        var fieldType = (ExecutableObjectType)compiled.GetNamedType("__Field")!;
        Resolve(fieldType, "name", p => ((ExecutableField)p).Name);
        Resolve(fieldType, "description", p => ((ExecutableField)p).Description);
        Resolve(fieldType, "args", (p, ctx) => FilterDeprecated(((ExecutableField)p).Arguments, a => a.IsDeprecated, ctx));
        Resolve(fieldType, "type", p => TypeValue(((ExecutableField)p).Type));
        Resolve(fieldType, "isDeprecated", p => ((ExecutableField)p).IsDeprecated);
        Resolve(fieldType, "deprecationReason", p => ((ExecutableField)p).DeprecationReason);

        var inputValueType = (ExecutableObjectType)compiled.GetNamedType("__InputValue")!;
        Resolve(inputValueType, "name", p => ((ExecutableInputValue)p).Name);
        Resolve(inputValueType, "description", p => ((ExecutableInputValue)p).Description);
        Resolve(inputValueType, "type", p => TypeValue(((ExecutableInputValue)p).Type));
        Resolve(inputValueType, "defaultValue", p => ((ExecutableInputValue)p).DefaultValueLiteral);
        Resolve(inputValueType, "isDeprecated", p => ((ExecutableInputValue)p).IsDeprecated);
        Resolve(inputValueType, "deprecationReason", p => ((ExecutableInputValue)p).DeprecationReason);

        var enumValueType = (ExecutableObjectType)compiled.GetNamedType("__EnumValue")!;
        Resolve(enumValueType, "name", p => ((ExecutableEnumValue)p).Name);
        Resolve(enumValueType, "description", p => ((ExecutableEnumValue)p).Description);
        Resolve(enumValueType, "isDeprecated", p => ((ExecutableEnumValue)p).IsDeprecated);
        Resolve(enumValueType, "deprecationReason", p => ((ExecutableEnumValue)p).DeprecationReason);

        var directiveType = (ExecutableObjectType)compiled.GetNamedType("__Directive")!;
        Resolve(directiveType, "name", p => ((ExecutableDirective)p).Name);
        Resolve(directiveType, "description", p => ((ExecutableDirective)p).Description);
        Resolve(directiveType, "isRepeatable", p => ((ExecutableDirective)p).IsRepeatable);
        Resolve(directiveType, "locations", p => ((ExecutableDirective)p).Locations);
        Resolve(directiveType, "args", (p, ctx) => FilterDeprecated(((ExecutableDirective)p).Arguments, a => a.IsDeprecated, ctx));
        Resolve(directiveType, "isDeprecated", p => ((ExecutableDirective)p).IsDeprecated);
        Resolve(directiveType, "deprecationReason", p => ((ExecutableDirective)p).DeprecationReason);

        foreach (var type in new[] { schemaType, typeType, fieldType, inputValueType, enumValueType, directiveType })
        {
            foreach (var field in type.Fields)
            {
                if (field.Resolver is null)
                    throw new InvalidOperationException($"The introspection field {field.Coordinate} has no resolver.");
            }
        }

        // Meta fields: declared on no type; the executor offers them where the spec allows.
        compiled.SchemaMetaField.Resolver = _ => new ValueTask<object?>(schema());
        compiled.TypeMetaField.Resolver = ctx => new ValueTask<object?>(ctx.Schema.GetType(ctx.Argument<string>("name")));
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

    private static void Resolve(ExecutableObjectType type, string fieldName, Func<object, object?> resolve) =>
        type.GetField(fieldName)!.Resolver = ctx => new ValueTask<object?>(resolve(ctx.Parent!));

    private static void Resolve(ExecutableObjectType type, string fieldName, Func<object, ResolverContext, object?> resolve) =>
        type.GetField(fieldName)!.Resolver = ctx => new ValueTask<object?>(resolve(ctx.Parent!, ctx));
}
