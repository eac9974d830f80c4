using System.Text.Json.Nodes;
using static Hotspot.Tests.GraphQL.Execution.ExecutionTestKit;

namespace Hotspot.Tests.GraphQL.Introspection;

/// <summary>
/// <c>@deprecated</c> lists the locations graphql-js 16.15 lists, DIRECTIVE_DEFINITION among them, and
/// <c>__DirectiveLocation</c> can name it (the graphql-js oracle of the conformance tests compares the rest).
/// </summary>
public class DeprecatedDirectiveLocationsTests
{
    [Test]
    public void Deprecated_lists_directive_definitions_like_graphql_js()
    {
        var schema = Schema("type Query { a: Int }");
        var result = Execute(schema, """
            { __schema { directives { name locations } } __type(name: "__DirectiveLocation") { enumValues { name } } }
            """);
        Assert.That(result.Errors, Is.Empty, result.ToJson());
        var data = JsonNode.Parse(result.ToJson())!["data"]!;
        var deprecated = data["__schema"]!["directives"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "deprecated")!;
        Assert.That(deprecated["locations"]!.AsArray().Select(l => l!.GetValue<string>()), Is.EqualTo(new[]
        {
            "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INPUT_FIELD_DEFINITION", "ENUM_VALUE", "DIRECTIVE_DEFINITION",
        }));
        Assert.That(data["__type"]!["enumValues"]!.AsArray().Select(v => v!["name"]!.GetValue<string>()),
            Does.Contain("DIRECTIVE_DEFINITION"));
    }
}
