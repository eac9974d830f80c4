using Hotspot.GraphQL.Execution;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Execution;

/// <summary>
/// Spec 6.4.4 null propagation at every depth (graphql-js's nonnull-test matrix): a null or error at a non-null
/// position nulls the nearest nullable parent, the error is reported once with its full path.
/// </summary>
public class NullPropagationTests
{
    private const string Sdl = """
        type Query { nullableA: A, nonNullA: A!, list: [A], nonNullItems: [A!], nonNullList: [A]!, ints: [Int!] }
        type A { nullable: String, nonNull: String!, throws: String, throwsNonNull: String!, a: A, nonNullA: A! }
        """;

    private static ExecutionResult Run(string query, string data) =>
        Execute(Schema(Sdl, b => b
                .Resolve("A", "throws", _ => throw new GraphQLException("thrown"))
                .Resolve("A", "throwsNonNull", _ => throw new GraphQLException("thrown non-null"))),
            query, rootValue: Json(data));

    [Test]
    public void Null_in_a_non_null_field_nulls_the_nullable_parent()
    {
        AssertJson(Run("{ nullableA { nonNull } }", """{"nullableA":{}}"""), """
            {"errors":[{"message":"Cannot return null for non-nullable field A.nonNull.","locations":[{"line":1,"column":15}],"path":["nullableA","nonNull"]}],
             "data":{"nullableA":null}}
            """);
    }

    [Test]
    public void Null_reaching_a_non_null_root_field_nulls_data()
    {
        AssertJson(Run("{ nonNullA { nonNull } }", """{"nonNullA":{}}"""), """
            {"errors":[{"message":"Cannot return null for non-nullable field A.nonNull.","locations":[{"line":1,"column":14}],"path":["nonNullA","nonNull"]}],
             "data":null}
            """);
    }

    [Test]
    public void Propagation_stops_at_the_nearest_nullable_ancestor_deep_down()
    {
        AssertJson(Run("{ nullableA { a { nonNullA { nonNullA { nonNull } } } } }",
                """{"nullableA":{"a":{"nonNullA":{"nonNullA":{}}}}}"""), """
            {"errors":[{"message":"Cannot return null for non-nullable field A.nonNull.","locations":[{"line":1,"column":41}],"path":["nullableA","a","nonNullA","nonNullA","nonNull"]}],
             "data":{"nullableA":{"a":null}}}
            """);
    }

    [Test]
    public void Thrown_errors_in_non_null_fields_propagate_without_a_second_error()
    {
        AssertJson(Run("{ nullableA { nullable throwsNonNull } }", """{"nullableA":{"nullable":"x"}}"""), """
            {"errors":[{"message":"thrown non-null","locations":[{"line":1,"column":24}],"path":["nullableA","throwsNonNull"]}],
             "data":{"nullableA":null}}
            """);
    }

    [Test]
    public void Siblings_after_a_propagating_error_are_not_executed_but_earlier_ones_report()
    {
        // graphql-js (synchronous resolvers): the nulling stops the selection set, so "throws" after it never runs.
        AssertJson(Run("{ nullableA { throwsNonNull throws } }", """{"nullableA":{}}"""), """
            {"errors":[{"message":"thrown non-null","locations":[{"line":1,"column":15}],"path":["nullableA","throwsNonNull"]}],
             "data":{"nullableA":null}}
            """);
        AssertJson(Run("{ nullableA { throws throwsNonNull } }", """{"nullableA":{}}"""), """
            {"errors":[
              {"message":"thrown","locations":[{"line":1,"column":15}],"path":["nullableA","throws"]},
              {"message":"thrown non-null","locations":[{"line":1,"column":22}],"path":["nullableA","throwsNonNull"]}],
             "data":{"nullableA":null}}
            """);
    }

    [Test]
    public void Nullable_list_items_absorb_errors_with_index_paths()
    {
        AssertJson(Run("{ list { nonNull } }", """{"list":[{"nonNull":"x"},{},{"nonNull":"z"}]}"""), """
            {"errors":[{"message":"Cannot return null for non-nullable field A.nonNull.","locations":[{"line":1,"column":10}],"path":["list",1,"nonNull"]}],
             "data":{"list":[{"nonNull":"x"},null,{"nonNull":"z"}]}}
            """);
    }

    [Test]
    public void Non_null_items_null_the_whole_list()
    {
        AssertJson(Run("{ nonNullItems { nonNull } }", """{"nonNullItems":[{"nonNull":"x"},{}]}"""), """
            {"errors":[{"message":"Cannot return null for non-nullable field A.nonNull.","locations":[{"line":1,"column":18}],"path":["nonNullItems",1,"nonNull"]}],
             "data":{"nonNullItems":null}}
            """);
        AssertJson(Run("{ ints }", """{"ints":[1,null,3]}"""), """
            {"errors":[{"message":"Cannot return null for non-nullable field Query.ints.","locations":[{"line":1,"column":3}],"path":["ints",1]}],
             "data":{"ints":null}}
            """);
    }

    [Test]
    public void A_non_null_list_that_is_null_nulls_data()
    {
        AssertJson(Run("{ nonNullList { nullable } }", "{}"), """
            {"errors":[{"message":"Cannot return null for non-nullable field Query.nonNullList.","locations":[{"line":1,"column":3}],"path":["nonNullList"]}],
             "data":null}
            """);
    }

    [Test]
    public void Errors_in_other_branches_are_all_reported()
    {
        AssertJson(Run("{ a: nullableA { throws } b: list { nonNull } }", """{"nullableA":{},"list":[{}]}"""), """
            {"errors":[
              {"message":"thrown","locations":[{"line":1,"column":18}],"path":["a","throws"]},
              {"message":"Cannot return null for non-nullable field A.nonNull.","locations":[{"line":1,"column":37}],"path":["b",0,"nonNull"]}],
             "data":{"a":{"throws":null},"b":[null]}}
            """);
    }

    [Test]
    public async Task Async_resolvers_propagate_nulls_the_same_way()
    {
        var schema = Schema(Sdl, b => b
            .ResolveAsync("Query", "nullableA", async _ =>
            {
                await Task.Yield();
                return (object)Json("""{"nonNullA":{}}""");
            })
            .ResolveAsync("A", "throwsNonNull", async _ =>
            {
                await Task.Delay(1);
                throw new GraphQLException("late");
#pragma warning disable CS0162
                return "";
#pragma warning restore CS0162
            }));
        var result = await ExecuteAsync(schema, "{ nullableA { nonNullA { throwsNonNull } } }");
        AssertJson(result, """
            {"errors":[{"message":"late","locations":[{"line":1,"column":26}],"path":["nullableA","nonNullA","throwsNonNull"]}],
             "data":{"nullableA":null}}
            """);
    }
}
