using System.Text.Json;
using Hotspot.GraphQL.Execution;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Execution;

/// <summary>CoerceVariableValues and CoerceArgumentValues with graphql-js's messages (request errors have no data).</summary>
public class VariableCoercionTests
{
    private const string Sdl = """
        type Query { echo(n: Int, s: String, f: Float, b: Boolean, id: ID, filter: Filter, one: One, color: Color): String, need(req: Int!): String }
        input Filter { a: Int, b: String = "bee", c: [Int!], nested: Nested }
        input Nested { x: Int! }
        input One @oneOf { a: Int, b: String }
        enum Color { RED, GREEN, BLUE }
        """;

    private static ExecutionResult Run(string query, string? variables = null) =>
        Execute(Schema(Sdl, b => b
            .Resolve("Query", "echo", ctx => JsonSerializer.Serialize(ctx.Arguments))
            .Resolve("Query", "need", ctx => JsonSerializer.Serialize(ctx.Arguments))), query, variables);

    private static void AssertRequestError(ExecutionResult result, params string[] messages)
    {
        Assert.That(result.HasData, Is.False, result.ToJson());
        Assert.That(result.Errors.Select(e => e.Message), Is.EqualTo(messages));
    }

    [Test]
    public void Missing_required_variable()
    {
        var result = Run("query ($n: Int!) { echo(n: $n) }");
        AssertJson(result, """
            {"errors":[{"message":"Variable \"$n\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":8}]}]}
            """);
    }

    [Test]
    public void Null_for_a_non_null_variable()
    {
        AssertRequestError(Run("query ($n: Int!) { echo(n: $n) }", """{"n":null}"""),
            "Variable \"$n\" of non-null type \"Int!\" must not be null.");
    }

    [TestCase("Int", "\"abc\"", "Int cannot represent non-integer value: \"abc\"")]
    [TestCase("Int", "1.5", "Int cannot represent non-integer value: 1.5")]
    [TestCase("Int", "2147483648", "Int cannot represent non 32-bit signed integer value: 2147483648")]
    [TestCase("Float", "\"1\"", "Float cannot represent non numeric value: \"1\"")]
    [TestCase("String", "1", "String cannot represent a non string value: 1")]
    [TestCase("Boolean", "0", "Boolean cannot represent a non boolean value: 0")]
    [TestCase("ID", "1.5", "ID cannot represent value: 1.5")]
    [TestCase("Color", "\"PURPLE\"", "Value \"PURPLE\" does not exist in \"Color\" enum.")]
    [TestCase("Color", "\"REDD\"", "Value \"REDD\" does not exist in \"Color\" enum. Did you mean \"RED\"?")]
    [TestCase("Color", "1", "Enum \"Color\" cannot represent non-string value: 1.")]
    public void Invalid_scalar_values(string type, string json, string reason)
    {
        AssertRequestError(Run($"query ($v: {type}) {{ echo(s: \"x\") }}", $$"""{"v":{{json}}}"""),
            $"Variable \"$v\" got invalid value {json}; {reason}");
    }

    [Test]
    public void Input_object_problems_are_reported_with_their_paths()
    {
        AssertRequestError(Run("query ($f: Filter) { echo(filter: $f) }", """{"f":{"a":"x","c":[1,null],"nested":{},"d":1}}"""),
            "Variable \"$f\" got invalid value \"x\" at \"f.a\"; Int cannot represent non-integer value: \"x\"",
            "Variable \"$f\" got invalid value null at \"f.c[1]\"; Expected non-nullable type \"Int!\" not to be null.",
            "Variable \"$f\" got invalid value {} at \"f.nested\"; Field \"x\" of required type \"Int!\" was not provided.",
            "Variable \"$f\" got invalid value { a: \"x\", c: [1, null], nested: {}, d: 1 }; Field \"d\" is not defined by type \"Filter\". Did you mean \"a\", \"b\", or \"c\"?");
        AssertRequestError(Run("query ($f: Filter) { echo(filter: $f) }", """{"f":"text"}"""),
            "Variable \"$f\" got invalid value \"text\"; Expected type \"Filter\" to be an object.");
    }

    [Test]
    public void OneOf_input_objects_need_exactly_one_non_null_field()
    {
        AssertRequestError(Run("query ($o: One) { echo(one: $o) }", """{"o":{"a":1,"b":"x"}}"""),
            "Variable \"$o\" got invalid value { a: 1, b: \"x\" }; Exactly one key must be specified for OneOf type \"One\".");
        AssertRequestError(Run("query ($o: One) { echo(one: $o) }", """{"o":{"a":null}}"""),
            "Variable \"$o\" got invalid value null at \"o.a\"; Field \"a\" must be non-null.");
        AssertJson(Run("query ($o: One) { echo(one: $o) }", """{"o":{"b":"x"}}"""),
            """{"data":{"echo":"{\"one\":{\"b\":\"x\"}}"}}""");
    }

    [Test]
    public void Valid_variables_are_coerced_to_clr_values()
    {
        AssertJson(Run("query ($n: Int, $f: Float, $id: ID, $c: Color, $filter: Filter) { echo(n: $n, f: $f, id: $id, color: $c, filter: $filter) }",
                """{"n":3,"f":2,"id":12,"c":"GREEN","filter":{"c":1,"nested":{"x":2}}}"""),
            """{"data":{"echo":"{\"n\":3,\"f\":2,\"id\":\"12\",\"filter\":{\"b\":\"bee\",\"c\":[1],\"nested\":{\"x\":2}},\"color\":\"GREEN\"}"}}""");
    }

    [Test]
    public void Argument_errors_are_field_errors_located_at_the_value()
    {
        // Documents that skip validation still get clear field errors, like graphql-js.
        AssertJson(Run("{ need(req: null) }"), """
            {"errors":[{"message":"Argument \"req\" of non-null type \"Int!\" must not be null.","locations":[{"line":1,"column":13}],"path":["need"]}],"data":{"need":null}}
            """);
        AssertJson(Run("{ echo(n: \"x\") }"), """
            {"errors":[{"message":"Argument \"n\" has invalid value \"x\".","locations":[{"line":1,"column":11}],"path":["echo"]}],"data":{"echo":null}}
            """);
        AssertJson(Run("query ($v: Int) { need(req: $v) }"), """
            {"errors":[{"message":"Argument \"req\" of required type \"Int!\" was provided the variable \"$v\" which was not provided a runtime value.","locations":[{"line":1,"column":29}],"path":["need"]}],"data":{"need":null}}
            """);
    }
}
