using Hotspot.GraphQL.Execution;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Execution;

/// <summary>ResolveAbstractType: type-resolver hooks, __typename in data, CLR type names, and the errors graphql-js gives.</summary>
public class AbstractTypeTests
{
    private const string Sdl = """
        type Query { pets: [Pet], owner: Owner, named: Named }
        interface Named { name: String }
        interface Pet implements Named { name: String }
        type Dog implements Pet & Named { name: String, barks: Boolean }
        type Cat implements Pet & Named { name: String, meows: Boolean }
        union Owner = Person | Company
        type Person { name: String }
        type Company { title: String }
        type Stray { name: String }
        """;

    public sealed record Dog(string Name, bool Barks);
    public sealed record Cat(string Name, bool Meows);
    public sealed record Person(string Name);
    public sealed record Stray(string Name);

    [Test]
    public void Clr_objects_resolve_by_type_name()
    {
        var schema = Schema(Sdl, b => b
            .Resolve("Query", "pets", _ => new object[] { new Dog("Rex", true), new Cat("Tom", false) })
            .Resolve("Query", "owner", _ => new Person("Ada")));
        var result = Execute(schema, "{ pets { __typename name ... on Dog { barks } ... on Cat { meows } } owner { ... on Person { name } } }");
        AssertJson(result, """
            {"data":{"pets":[{"__typename":"Dog","name":"Rex","barks":true},{"__typename":"Cat","name":"Tom","meows":false}],"owner":{"name":"Ada"}}}
            """);
    }

    [Test]
    public void A_type_resolver_hook_wins()
    {
        var schema = Schema(Sdl, b => b
            .Resolve("Query", "owner", _ => new Dictionary<string, object?> { ["title"] = "ACME" })
            .ResolveType("Owner", (value, _) => value is IDictionary<string, object?> d && d.ContainsKey("title") ? "Company" : "Person"));
        AssertJson(Execute(schema, "{ owner { __typename ... on Company { title } } }"),
            """{"data":{"owner":{"__typename":"Company","title":"ACME"}}}""");
    }

    [Test]
    public void Interfaces_implementing_interfaces_match_fragments_on_either()
    {
        var schema = Schema(Sdl);
        var result = Execute(schema, "{ named { ... on Pet { name } ... on Named { __typename } } }",
            rootValue: Json("""{"named":{"__typename":"Cat","name":"Tom"}}"""));
        AssertJson(result, """{"data":{"named":{"name":"Tom","__typename":"Cat"}}}""");
    }

    [Test]
    public void Unresolvable_abstract_values_are_field_errors()
    {
        var schema = Schema(Sdl, b => b
            .Resolve("Query", "pets", _ => new object[] { new Stray("x"), new Dog("Rex", true), 42 }));
        var result = Execute(schema, "{ pets { name } }", rootValue: null);
        AssertJson(result, """
            {"errors":[
              {"message":"Runtime Object type \"Stray\" is not a possible type for \"Pet\".","locations":[{"line":1,"column":3}],"path":["pets",0]},
              {"message":"Abstract type \"Pet\" must resolve to an Object type at runtime for field \"Query.pets\". Either the \"Pet\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.","locations":[{"line":1,"column":3}],"path":["pets",2]}],
             "data":{"pets":[null,{"name":"Rex"},null]}}
            """);
        var unknown = Execute(Schema(Sdl), "{ owner { __typename } }", rootValue: Json("""{"owner":{"__typename":"Robot"}}"""));
        AssertJson(unknown, """
            {"errors":[{"message":"Abstract type \"Owner\" was resolved to a type \"Robot\" that does not exist inside the schema.","locations":[{"line":1,"column":3}],"path":["owner"]}],
             "data":{"owner":null}}
            """);
    }
}
