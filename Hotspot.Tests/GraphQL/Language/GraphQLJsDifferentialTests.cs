using System.Text.Json;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>
/// Differential test against graphql-js itself: thousands of generated and mutated documents are parsed by both
/// parsers; each must give the same printed document or the same syntax error at the same place. Runs when
/// <c>HOTSPOT_CONFORMANCE_TOOLS</c> names the installed conformance tools (CI sets it); otherwise it is skipped
/// with that reason.
/// </summary>
[Slow(TestCategories.Conformance)]
public sealed class GraphQLJsDifferentialTests
{
    private const string Script = """
        const fs = require('fs');
        const path = require('path');
        const { parse, print } = require(path.join(process.env.HOTSPOT_CONFORMANCE_TOOLS, 'node_modules', 'graphql'));
        const docs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
        const out = docs.map(d => {
          try { return 'OK ' + print(parse(d)); }
          catch (e) { return `ERR ${e.message} ${e.locations?.[0]?.line}:${e.locations?.[0]?.column}`; }
        });
        fs.writeFileSync(process.argv[3], JSON.stringify(out));
        """;

    [Test]
    public void Parser_agrees_with_graphql_js_on_generated_and_mutated_documents()
    {
        var tools = GraphQLJsOracle.RequireTools();
        var generator = new RandomDocumentGenerator(seed: 424242);
        var documents = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var document = generator.Document();
            documents.Add(document);
            documents.Add(generator.Mutate(document));
            documents.Add(generator.Mutate(document));
        }

        var expected = GraphQLJsOracle.Run(tools, Script, documents);
        var differences = new List<string>();
        for (var i = 0; i < documents.Count; i++)
        {
            string actual;
            try
            {
                actual = "OK " + Printer.Print(Parser.Parse(documents[i]));
            }
            catch (GraphQLSyntaxException exception)
            {
                actual = $"ERR {exception.Message} {exception.Location.Line}:{exception.Location.Column}";
            }

            if (actual != expected[i])
            {
                differences.Add($"{JsonSerializer.Serialize(documents[i])}\n  ours:       {actual}\n  graphql-js: {expected[i]}");
            }
        }

        Assert.That(differences, Is.Empty, string.Join("\n", differences.Take(10)));
        Assert.That(expected.Count(e => e.StartsWith("ERR", StringComparison.Ordinal)), Is.GreaterThan(500));
    }
}
