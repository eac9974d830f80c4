using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.Tests.GraphQL.Types;

public sealed class SchemaBuilderTests
{
    private static readonly Schema KitchenSink = SchemaBuilder.FromSdl(KitchenSinkSchema.Sdl);

    [Test]
    public void A_schema_with_every_kind_of_type_and_directive_prints_as_graphql_js_prints_it()
    {
        Assert.That(SchemaPrinter.Print(KitchenSink), Is.EqualTo(KitchenSinkSchema.PrintedByGraphQLJs));
    }

    [Test]
    public void Types_are_listed_in_graphql_js_order()
    {
        Assert.That(string.Join(" ", KitchenSink.Types.Select(t => t.Name)), Is.EqualTo(KitchenSinkSchema.TypeOrder));
    }

    [Test]
    public void Printing_and_parsing_again_is_stable()
    {
        var printed = SchemaPrinter.Print(KitchenSink);
        var rebuilt = SchemaBuilder.FromSdl(printed);
        Assert.That(SchemaPrinter.Print(rebuilt), Is.EqualTo(printed));
    }

    [Test]
    public void Root_types_and_lookups()
    {
        Assert.That(KitchenSink.QueryType.Name, Is.EqualTo("Query"));
        Assert.That(KitchenSink.MutationType!.Name, Is.EqualTo("Mutation"));
        Assert.That(KitchenSink.SubscriptionType!.Name, Is.EqualTo("Subscription"));
        Assert.That(KitchenSink.GetRootType(OperationType.Mutation), Is.SameAs(KitchenSink.MutationType));
        Assert.That(KitchenSink.GetType("Dog"), Is.InstanceOf<ObjectType>());
        Assert.That(KitchenSink.GetType("Nope"), Is.Null);
        Assert.That(KitchenSink.GetType("Int"), Is.SameAs(BuiltInScalars.Int));
    }

    [Test]
    public void Possible_types_and_sub_types()
    {
        var pet = (InterfaceType)KitchenSink.GetType("Pet")!;
        var node = (InterfaceType)KitchenSink.GetType("Node")!;
        var dog = (ObjectType)KitchenSink.GetType("Dog")!;
        var receipt = (ObjectType)KitchenSink.GetType("Receipt")!;
        var result = (UnionType)KitchenSink.GetType("SearchResult")!;

        Assert.That(KitchenSink.GetPossibleTypes(pet).Select(t => t.Name), Is.EqualTo(new[] { "Dog", "Cat" }));
        Assert.That(KitchenSink.GetPossibleTypes(result).Select(t => t.Name), Is.EqualTo(new[] { "Dog", "Cat", "Receipt" }));
        Assert.That(KitchenSink.GetPossibleTypes(node).Select(t => t.Name), Is.EqualTo(new[] { "Query", "Dog", "Cat" }));
        Assert.That(KitchenSink.GetImplementations(node).Interfaces.Select(t => t.Name), Is.EqualTo(new[] { "Entity", "Pet" }));
        Assert.That(KitchenSink.IsSubType(pet, dog), Is.True);
        Assert.That(KitchenSink.IsSubType(node, pet), Is.True);
        Assert.That(KitchenSink.IsSubType(pet, receipt), Is.False);
        Assert.That(KitchenSink.IsSubType(result, receipt), Is.True);
        Assert.That(TypeComparators.DoTypesOverlap(KitchenSink, pet, result), Is.True);
        Assert.That(TypeComparators.IsTypeSubTypeOf(KitchenSink, dog.NonNullOf(), pet), Is.True);
        Assert.That(TypeComparators.IsTypeSubTypeOf(KitchenSink, pet.ListOf(), dog.ListOf()), Is.False);
    }

    [Test]
    public void Fields_arguments_and_meta_fields()
    {
        var query = KitchenSink.QueryType;
        var search = KitchenSink.GetField(query, "search")!;
        Assert.That(search.Type.ToString(), Is.EqualTo("[SearchResult!]!"));
        Assert.That(search.GetArgument("first")!.DefaultValue, Is.InstanceOf<IntValueNode>());
        Assert.That(search.DeclaringType, Is.SameAs(query));
        Assert.That(KitchenSink.GetField(query, "__schema"), Is.SameAs(IntrospectionTypes.SchemaMetaField));
        Assert.That(KitchenSink.GetField(query, "__type")!.Type, Is.SameAs(IntrospectionTypes.Type));
        var dog = KitchenSink.GetType("Dog")!;
        Assert.That(KitchenSink.GetField(dog, "__typename"), Is.SameAs(IntrospectionTypes.TypeNameMetaField));
        Assert.That(KitchenSink.GetField(dog, "__schema"), Is.Null);
        Assert.That(KitchenSink.GetField(KitchenSink.GetType("SearchResult")!, "__typename"), Is.Not.Null);
        Assert.That(KitchenSink.GetField(KitchenSink.GetType("Filter")!, "__typename"), Is.Null);
        Assert.That(KitchenSink.GetTypeFromAst(Parser.ParseType("[Pet!]!"))!.ToString(), Is.EqualTo("[Pet!]!"));
        Assert.That(KitchenSink.GetTypeFromAst(Parser.ParseType("[Unknown]")), Is.Null);
    }

    [Test]
    public void Deprecation_oneOf_and_specifiedBy_are_read_from_directives()
    {
        var query = KitchenSink.QueryType;
        Assert.That(query.GetField("amount")!.DeprecationReason, Is.EqualTo("Use `price`."));
        Assert.That(query.GetField("old")!.DeprecationReason, Is.EqualTo("No longer supported"));
        Assert.That(query.GetField("price")!.IsDeprecated, Is.False);
        var style = (EnumType)KitchenSink.GetType("NameStyle")!;
        Assert.That(style.GetValue("LEGACY")!.DeprecationReason, Is.EqualTo("Gone"));
        Assert.That(style.GetValue("LONG")!.Description, Is.EqualTo("The full name"));
        var filter = (InputObjectType)KitchenSink.GetType("Filter")!;
        Assert.That(filter.GetField("legacy")!.IsDeprecated, Is.True);
        Assert.That(filter.IsOneOf, Is.False);
        Assert.That(((InputObjectType)KitchenSink.GetType("BuyInput")!).IsOneOf, Is.True);
        var dateTime = (ScalarType)KitchenSink.GetType("DateTime")!;
        Assert.That(dateTime.SpecifiedByUrl, Is.EqualTo("https://scalars.graphql.org/andimarek/date-time"));
        Assert.That(dateTime.Coercion, Is.SameAs(BuiltInScalars.DateTime));
        Assert.That(((ScalarType)KitchenSink.GetType("Long")!).Coercion, Is.SameAs(BuiltInScalars.Long));
    }

    [Test]
    public void Directives_are_user_defined_first_then_the_built_in_ones()
    {
        Assert.That(KitchenSink.Directives.Select(d => d.Name),
            Is.EqualTo(new[] { "cached", "auth", "include", "skip", "deprecated", "specifiedBy", "oneOf" }));
        var cached = KitchenSink.GetDirective("cached")!;
        Assert.That(cached.IsRepeatable, Is.True);
        Assert.That(cached.Locations, Is.EqualTo(new[] { DirectiveLocation.FIELD_DEFINITION, DirectiveLocation.OBJECT }));
        Assert.That(cached.GetArgument("ttl")!.Description, Is.EqualTo("seconds"));
        Assert.That(KitchenSink.GetDirective("skip"), Is.SameAs(BuiltInDirectives.Skip));
        Assert.That(BuiltInDirectives.Deprecated.Locations, Does.Contain(DirectiveLocation.ARGUMENT_DEFINITION));
        Assert.That(KitchenSink.AppliedDirectives.Single().Name.Value, Is.EqualTo("auth"));
    }

    [Test]
    public void Extensions_are_applied()
    {
        Assert.That(((ObjectType)KitchenSink.GetType("Receipt")!).GetField("voucher"), Is.Not.Null);
        Assert.That(((EnumType)KitchenSink.GetType("Kind")!).Values.Select(v => v.Name), Is.EqualTo(new[] { "PLAN", "VOUCHER", "OTHER" }));
        Assert.That(KitchenSink.GetType("Receipt")!.ExtensionAstNodes, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_schema_definition_names_the_root_types()
    {
        var schema = SchemaBuilder.FromSdl("""
            schema { query: Root mutation: Change }
            type Root { a: Int }
            type Change { b: Int }
            type Query { unused: Int }
            """);
        Assert.That(schema.QueryType.Name, Is.EqualTo("Root"));
        Assert.That(schema.MutationType!.Name, Is.EqualTo("Change"));
        Assert.That(SchemaPrinter.Print(schema), Does.StartWith("schema {\n  query: Root\n  mutation: Change\n}"));
    }

    [Test]
    public void Built_in_scalars_are_present_only_when_referenced_except_String_and_Boolean()
    {
        var schema = SchemaBuilder.FromSdl("type Query { a: ID }");
        Assert.That(schema.GetType("ID"), Is.Not.Null);
        Assert.That(schema.GetType("Int"), Is.Null);
        Assert.That(schema.GetType("String"), Is.Not.Null);
        Assert.That(schema.GetType("Boolean"), Is.Not.Null);
    }

    [Test]
    public void Custom_scalar_hooks_are_used()
    {
        var upper = ScalarCoercion.Create(serialize: v => v?.ToString()!.ToUpperInvariant());
        var schema = SchemaBuilder.FromSdl(
            "scalar Shout type Query { a: Shout }",
            new SchemaBuildOptions { Scalars = new Dictionary<string, ScalarCoercion> { ["Shout"] = upper } });
        var shout = (ScalarType)schema.GetType("Shout")!;
        Assert.That(shout.Serialize("hi"), Is.EqualTo("HI"));
        Assert.That(shout.ParseLiteral(Parser.ParseValue("{a: [1, 2.5]}")), Is.InstanceOf<Dictionary<string, object?>>());
    }

    [Test]
    public void Syntax_errors_in_SDL_are_reported_as_schema_errors()
    {
        var exception = Assert.Throws<SchemaValidationException>(() => SchemaBuilder.FromSdl("type Query {"))!;
        Assert.That(exception.Errors.Single().Message, Is.EqualTo("Syntax Error: Expected Name, found <EOF>."));
    }
}
