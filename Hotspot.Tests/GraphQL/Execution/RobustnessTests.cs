using System.Text.Json;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;
using Hotspot.Tests.GraphQL.Language;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Execution;

/// <summary>
/// Execution never throws for documents it is given, even unvalidated ones: random and mutated documents, with
/// random variables, only ever produce a response (data and/or errors) that can be written.
/// </summary>
public class RobustnessTests
{
    private const string Sdl = """
        type Query { a: T, node: [T], id: ID, on: Int, query(v: [Int!]!, w: In): String, type: T!, _x1: [[Int!]], fragment: U }
        type T { a: T, id: ID!, node: [T!]!, f(a: Int = 1): [T!]!, g: S, on: E }
        type A { a: Int }
        type B { id: ID }
        union U = A | B
        scalar S
        enum E { A, B }
        input In { a: Int, b: [String] = ["x"] }
        """;

    private const string Data = """
        {"a":{"a":{"id":"1","node":[{"id":"2","node":[],"f":[]}],"f":[],"g":{"x":[1,2]},"on":"B"},"id":"0","node":[],"on":"C"},
         "node":[{"id":"3","node":[null]},null,{"id":4.5}],"id":7,"on":"x","query":3,"type":{},"_x1":[[1,null],[2]],
         "fragment":{"__typename":"Nope"}}
        """;

    private static readonly string[] VariableSets =
    [
        "{}", """{"v":[1,2]}""", """{"v":null}""", """{"v":["x"],"w":{"a":"b","z":1}}""", """{"v":1,"w":{"b":null}}""",
    ];

    [Test]
    public void Random_and_mutated_documents_give_responses_never_exceptions()
    {
        var schema = Schema(Sdl);
        var root = Json(Data);
        var generator = new RandomDocumentGenerator(20261123);
        int executed = 0;
        for (int i = 0; i < 3000; i++)
        {
            var text = generator.Document();
            if (i % 2 == 1) text = generator.Mutate(text);
            DocumentNode document;
            try
            {
                document = Parser.Parse(text);
            }
            catch (GraphQLSyntaxException)
            {
                continue;
            }
            var variables = JsonDocument.Parse(VariableSets[i % VariableSets.Length]).RootElement;
            foreach (var operationName in new string?[] { null, "Q0", "Q1" })
            {
                ExecutionResult result;
                try
                {
                    result = Executor.ExecuteAsync(schema, document, operationName, variables, root).AsTask().GetAwaiter().GetResult();
                }
                catch (Exception ex)
                {
                    Assert.Fail($"Execution threw {ex.GetType().Name}: {ex.Message}\n{text}");
                    return;
                }
                Assert.That(() => JsonDocument.Parse(result.ToJson()), Throws.Nothing, text);
                Assert.That(result.HasData || result.Errors.Count > 0, Is.True, text);
                executed++;
            }
        }
        Assert.That(executed, Is.GreaterThan(1000));
    }

    [Test]
    public void Hand_picked_invalid_documents_give_errors_not_exceptions()
    {
        var schema = Schema(Sdl);
        var root = Json(Data);
        string[] documents =
        [
            "{ a { a { a { a } } } }",                        // object without selection
            "{ id { x } on(unknown: 1) }",                    // selection on a leaf, unknown argument
            "{ ...Missing ... on Nope { a } }",               // unknown fragment and type
            "{ ...F } fragment F on Query { ...F }",          // fragment cycle
            "query ($v: Nope) { id }",                        // unknown variable type
            "query ($v: T) { id }",                           // output type as variable type
            "{ query(v: $undefined) }",                       // undefined variable
            "{ query(v: [1, \"x\"], w: {a: 1, nope: 2}) }",   // invalid literals
            "{ fragment { ... on A { a } } }",                // unknown runtime type in data
            "{ type { id } }",                                // non-null root field whose field is null
            "{ a @skip(if: $nope) { id } }",                  // condition on an unknown variable
            "{ __type(name: 5) { name } __schema { nope } }",
        ];
        foreach (var text in documents)
        {
            var result = Executor.ExecuteAsync(schema, Parser.Parse(text), null, null, root).AsTask().GetAwaiter().GetResult();
            Assert.That(() => JsonDocument.Parse(result.ToJson()), Throws.Nothing, text);
        }
    }
}
