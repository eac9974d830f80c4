using System.Text.Json;
using Hotspot.GraphQL.Execution;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Execution;

/// <summary>Execution semantics (spec section 6) with expected responses written from graphql-js's behaviour.</summary>
public class ExecutorTests
{
    private const string Sdl = """
        type Query {
          hero: Character
          heroes: [Character]
          search: [SearchResult]
          matrix: [[Int]]
          echo(s: String = "default", n: Int, list: [Int], input: Filter, color: Color): String
          boom: String
          crash: String
        }
        type Mutation { first: Int, second: Int }
        interface Character { id: ID!, name: String }
        type Human implements Character { id: ID!, name: String, height: Float }
        type Droid implements Character { id: ID!, name: String, primaryFunction: String }
        union SearchResult = Human | Droid
        enum Color { RED, GREEN }
        input Filter { a: Int, b: String = "bee", c: [Int!] }
        """;

    private const string Data = """
        {
          "hero": { "__typename": "Droid", "id": "2001", "name": "R2-D2", "primaryFunction": "Astromech" },
          "heroes": [
            { "__typename": "Human", "id": "1000", "name": "Luke", "height": 1.72 },
            { "__typename": "Droid", "id": "2001", "name": "R2-D2", "primaryFunction": "Astromech" }
          ],
          "search": [
            { "__typename": "Human", "id": "1000", "name": "Luke", "height": 1.72 },
            null,
            { "__typename": "Droid", "id": "2001", "name": "R2-D2", "primaryFunction": "Astromech" }
          ],
          "matrix": [[1, 2], null, [null, 4]]
        }
        """;

    private static ExecutableSchema CreateSchema() => Schema(Sdl, b => b
        .Resolve("Query", "echo", ctx => JsonSerializer.Serialize(ctx.Arguments))
        .Resolve("Query", "boom", _ => throw new GraphQLException("Boom!", "BOOM"))
        .Resolve("Query", "crash", _ => throw new InvalidOperationException("internal detail")));

    private static ExecutionResult Run(string query, string? variables = null) =>
        Execute(CreateSchema(), query, variables, Json(Data));

    [Test]
    public void Aliases_fragments_and_inline_fragments_keep_selection_order()
    {
        var result = Run("""
            { droid: hero { ...Names ... on Droid { primaryFunction } id }
              h: heroes { __typename ... on Human { height } ...Names } }
            fragment Names on Character { name id }
            """);
        AssertJson(result, """
            {"data":{
              "droid":{"name":"R2-D2","id":"2001","primaryFunction":"Astromech"},
              "h":[{"__typename":"Human","height":1.72,"name":"Luke","id":"1000"},
                   {"__typename":"Droid","name":"R2-D2","id":"2001"}]}}
            """);
    }

    [Test]
    public void Union_members_are_resolved_from_the_typename_of_json_data()
    {
        var result = Run("{ search { __typename ... on Human { name } ... on Droid { primaryFunction } } }");
        AssertJson(result, """
            {"data":{"search":[{"__typename":"Human","name":"Luke"},null,{"__typename":"Droid","primaryFunction":"Astromech"}]}}
            """);
    }

    [Test]
    public void Lists_of_lists_complete_item_by_item()
    {
        AssertJson(Run("{ matrix }"), """{"data":{"matrix":[[1,2],null,[null,4]]}}""");
    }

    [Test]
    public void Skip_and_include_with_literals_and_variables()
    {
        var result = Run("""
            query ($yes: Boolean!, $no: Boolean!) {
              a: hero @skip(if: true) { id }
              b: hero @include(if: false) { id }
              c: hero @include(if: $yes) { id }
              d: hero @skip(if: $no) { ...F @skip(if: $yes) ... @include(if: $yes) { name } }
            }
            fragment F on Character { id }
            """, """{"yes":true,"no":false}""");
        AssertJson(result, """{"data":{"c":{"id":"2001"},"d":{"name":"R2-D2"}}}""");
    }

    [Test]
    public void Argument_defaults_apply_when_absent_but_not_for_explicit_null()
    {
        AssertJson(Run("{ echo }"), """{"data":{"echo":"{\"s\":\"default\"}"}}""");
        AssertJson(Run("{ echo(s: null) }"), """{"data":{"echo":"{\"s\":null}"}}""");
    }

    [Test]
    public void Variable_defaults_and_explicit_null_variables()
    {
        const string withDefault = """query ($v: String = "fromVar") { echo(s: $v) }""";
        AssertJson(Run(withDefault), """{"data":{"echo":"{\"s\":\"fromVar\"}"}}""");
        AssertJson(Run(withDefault, """{"v":null}"""), """{"data":{"echo":"{\"s\":null}"}}""");
        AssertJson(Run("query ($v: String) { echo(s: $v) }"), """{"data":{"echo":"{\"s\":\"default\"}"}}""");
    }

    [Test]
    public void Input_objects_get_field_defaults_and_lists_accept_single_values()
    {
        AssertJson(Run("{ echo(input: {a: 1}, list: 7, color: RED) }"),
            """{"data":{"echo":"{\"s\":\"default\",\"list\":[7],\"input\":{\"a\":1,\"b\":\"bee\"},\"color\":\"RED\"}"}}""");
        AssertJson(Run("query ($l: [Int], $f: Filter) { echo(list: $l, input: $f) }", """{"l":5,"f":{"c":3}}"""),
            """{"data":{"echo":"{\"s\":\"default\",\"list\":[5],\"input\":{\"b\":\"bee\",\"c\":[3]}}"}}""");
    }

    [Test]
    public void Resolver_errors_carry_message_path_locations_and_code()
    {
        var result = Run("{ hero { id } boom crash }");
        AssertJson(result, """
            {"errors":[
              {"message":"Boom!","locations":[{"line":1,"column":15}],"path":["boom"],"extensions":{"code":"BOOM"}},
              {"message":"internal detail","locations":[{"line":1,"column":20}],"path":["crash"]}],
             "data":{"hero":{"id":"2001"},"boom":null,"crash":null}}
            """);
    }

    [Test]
    public void Unexpected_exception_messages_are_hidden_unless_exposed()
    {
        var schema = Hotspot.GraphQL.Binding.ExecutableSchemaBuilder.FromSdl("type Query { crash: String }")
            .Resolve("Query", "crash", _ => throw new InvalidOperationException("connection string secret"))
            .Build();
        var result = Execute(schema, "{ crash }");
        AssertJson(result, """
            {"errors":[{"message":"Unexpected Execution Error","locations":[{"line":1,"column":3}],"path":["crash"]}],"data":{"crash":null}}
            """);
    }

    [Test]
    public void Operation_choice_errors_are_request_errors_without_data()
    {
        var schema = CreateSchema();
        AssertJson(Execute(schema, "query A { boom } query B { boom }"),
            """{"errors":[{"message":"Must provide operation name if query contains multiple operations."}]}""");
        AssertJson(Execute(schema, "query A { hero { id } }", operationName: "C"),
            """{"errors":[{"message":"Unknown operation named \"C\"."}]}""");
        AssertJson(Execute(schema, "fragment F on Query { boom }"), """{"errors":[{"message":"Must provide an operation."}]}""");
        var subscription = Execute(schema, "subscription S { boom }");
        Assert.That(subscription.HasData, Is.False);
        AssertJson(subscription,
            """{"errors":[{"message":"Subscriptions stream their results: send them over GraphQL over WebSocket or Server-Sent Events (SubscriptionExecutor), not for a single response.","locations":[{"line":1,"column":1}]}]}""");
    }

    [Test]
    public void Chooses_the_named_operation()
    {
        var result = Execute(CreateSchema(), "query A { a: echo(n: 1) } query B { b: echo(n: 2) }", rootValue: Json(Data),
            operationName: "B");
        AssertJson(result, """{"data":{"b":"{\"s\":\"default\",\"n\":2}"}}""");
        Assert.That(result.OperationType, Is.EqualTo(Hotspot.GraphQL.Language.OperationType.Query));
    }

    [Test]
    public void A_schema_without_mutations_reports_a_field_less_error_with_null_data()
    {
        var schema = Schema("type Query { a: Int }");
        AssertJson(Execute(schema, "mutation { a }"),
            """{"errors":[{"message":"Schema is not configured to execute mutation operation.","locations":[{"line":1,"column":1}]}],"data":null}""");
    }

    [Test]
    public void Leaf_values_that_cannot_be_serialized_are_field_errors()
    {
        var schema = Schema("type Query { n: Int, big: Int, f: Float, color: Color, id: ID } enum Color { RED }");
        var result = Execute(schema, "{ n big f color id }",
            rootValue: Json("""{"n":1.5,"big":3000000000,"f":"x","color":"BLUE","id":true}"""));
        AssertJson(result, """
            {"errors":[
              {"message":"Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":3}],"path":["n"]},
              {"message":"Int cannot represent non 32-bit signed integer value: 3000000000","locations":[{"line":1,"column":5}],"path":["big"]},
              {"message":"Float cannot represent non numeric value: \"x\"","locations":[{"line":1,"column":9}],"path":["f"]},
              {"message":"Enum \"Color\" cannot represent value: \"BLUE\"","locations":[{"line":1,"column":11}],"path":["color"]},
              {"message":"ID cannot represent value: true","locations":[{"line":1,"column":17}],"path":["id"]}],
             "data":{"n":null,"big":null,"f":null,"color":null,"id":null}}
            """);
    }

    [Test]
    public void A_non_list_value_for_a_list_field_is_a_field_error()
    {
        var schema = Schema("type Query { list: [Int] }");
        AssertJson(Execute(schema, "{ list }", rootValue: Json("""{"list":"abc"}""")), """
            {"errors":[{"message":"Expected Iterable, but did not find one for field \"Query.list\".","locations":[{"line":1,"column":3}],"path":["list"]}],"data":{"list":null}}
            """);
    }

    [Test]
    public async Task Mutation_root_fields_run_one_after_another()
    {
        var order = new List<string>();
        var schema = Schema(Sdl, b => b
            .ResolveAsync("Mutation", "first", async _ =>
            {
                await Task.Delay(50);
                lock (order) order.Add("first");
                return 1;
            })
            .ResolveAsync("Mutation", "second", async _ =>
            {
                await Task.Yield();
                lock (order) order.Add("second");
                return 2;
            }));
        var result = await ExecuteAsync(schema, "mutation { second: first first: second }");
        AssertJson(result, """{"data":{"second":1,"first":2}}""");
        Assert.That(order, Is.EqualTo(new[] { "first", "second" }));
    }

    [Test]
    public async Task Query_fields_run_concurrently()
    {
        var gate = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var schema = Schema("type Query { waits: Int, releases: Int }", b => b
            .ResolveAsync("Query", "waits", async _ => await gate.Task)
            .ResolveAsync("Query", "releases", async _ =>
            {
                await Task.Yield();
                gate.SetResult(41);
                return 42;
            }));
        // Serial execution would never finish: "waits" only completes once "releases" has run.
        var result = await ExecuteAsync(schema, "{ waits releases }").WaitAsync(TimeSpan.FromSeconds(10));
        AssertJson(result, """{"data":{"waits":41,"releases":42}}""");
    }

    [Test]
    public void Cancellation_aborts_execution()
    {
        var schema = Schema("type Query { slow: Int }", b => b
            .ResolveAsync("Query", "slow", async ctx =>
            {
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return 1;
            }));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        Assert.CatchAsync<OperationCanceledException>(() => ExecuteAsync(schema, "{ slow }", cancellationToken: cts.Token));
    }

    [Test]
    public void Result_writes_errors_first_then_data_then_extensions()
    {
        var result = Run("{ boom }");
        result.Extensions = new Dictionary<string, object?> { ["cost"] = 3 };
        Assert.That(result.ToJson(), Is.EqualTo(
            """{"errors":[{"message":"Boom!","locations":[{"line":1,"column":3}],"path":["boom"],"extensions":{"code":"BOOM"}}],"data":{"boom":null},"extensions":{"cost":3}}"""));
    }

    [Test]
    public async Task A_synchronous_resolver_may_return_a_task()
    {
        var schema = Schema("type Query { ready: Int, later: String }", b => b
            .Resolve("Query", "ready", _ => Task.FromResult(5))
            .Resolve("Query", "later", _ => Later()));
        AssertJson(await ExecuteAsync(schema, "{ ready later }"), """{"data":{"ready":5,"later":"done"}}""");

        static async Task<string> Later()
        {
            await Task.Delay(1);
            return "done";
        }
    }

    [Test]
    public void Conditions_on_variables_are_evaluated_per_request_even_with_a_cached_document()
    {
        var schema = CreateSchema();
        var document = Hotspot.GraphQL.Language.Parser.Parse(
            "query ($d: Boolean!) { heroes { id ... on Human @include(if: $d) { height } name @skip(if: $d) } }");
        string Run(bool details) => Executor.ExecuteAsync(schema, document, null, Json($$"""{"d":{{(details ? "true" : "false")}}}"""), Json(Data))
            .AsTask().GetAwaiter().GetResult().ToJson();
        const string withDetails = """{"data":{"heroes":[{"id":"1000","height":1.72},{"id":"2001"}]}}""";
        const string withoutDetails = """{"data":{"heroes":[{"id":"1000","name":"Luke"},{"id":"2001","name":"R2-D2"}]}}""";
        Assert.That(Run(true), Is.EqualTo(withDetails));
        Assert.That(Run(false), Is.EqualTo(withoutDetails));
        Assert.That(Run(true), Is.EqualTo(withDetails));
    }

    [Test]
    public void Deep_recursive_data_executes_without_overflowing_the_stack()
    {
        var schema = Schema("type Query { me: Node } type Node { next: Node, depth: Int }", b => b
            .Resolve("Query", "me", _ => 0)
            .Resolve("Node", "next", ctx => (int)ctx.Parent! + 1)
            .Resolve("Node", "depth", ctx => ctx.Parent));
        const int levels = 200;
        var query = "{ me { " + string.Concat(Enumerable.Repeat("next { ", levels)) + "depth" + new string('}', levels) + " } }";
        var result = Execute(schema, query);
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.ToJson(), Does.Contain("\"depth\":" + levels));
    }

    [Test]
    public void Non_ascii_text_is_written_as_utf8()
    {
        var schema = Schema("type Query { name: String }");
        var result = Execute(schema, "{ name }", rootValue: Json("""{"name":"Run🏃Swim🏊 Café"}"""));
        var json = result.ToJson();
        Assert.That(json, Does.Contain("Café"), "BMP text is not escaped");
        Assert.That(Json(json).GetProperty("data").GetProperty("name").GetString(), Is.EqualTo("Run🏃Swim🏊 Café"));
    }
}
