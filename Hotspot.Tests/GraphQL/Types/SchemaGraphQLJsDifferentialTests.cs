using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Types;
using Hotspot.Tests.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Types;

/// <summary>
/// Differential test against graphql-js: mutated versions of the kitchen-sink SDL are built by both; each must
/// give the same printed schema, or the same set of errors (SDL rules, then schema validation) at the same
/// places. Runs when <c>HOTSPOT_CONFORMANCE_TOOLS</c> names the installed conformance tools (CI sets it).
/// </summary>
[Slow(TestCategories.Conformance)]
public sealed class SchemaGraphQLJsDifferentialTests
{
    private const string Script = """
        const fs = require('fs');
        const path = require('path');
        const root = path.join(process.env.HOTSPOT_CONFORMANCE_TOOLS, 'node_modules', 'graphql');
        const { parse, buildASTSchema, validateSchema, printSchema } = require(root);
        const { validateSDL } = require(path.join(root, 'validation', 'validate.js'));
        const format = (errors) => 'ERR ' + errors
          .map(e => e.message + ' @' + (e.locations ?? []).map(l => `${l.line}:${l.column}`).join(','))
          .sort().join(' | ');
        const inputs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
        const outputs = inputs.map(sdl => {
          try {
            const document = parse(sdl);
            const sdlErrors = validateSDL(document);
            if (sdlErrors.length) return format(sdlErrors);
            const schema = buildASTSchema(document, { assumeValidSDL: true });
            const errors = validateSchema(schema);
            return errors.length ? format(errors) : 'OK ' + printSchema(schema);
          } catch (e) { return format([e]); }
        });
        fs.writeFileSync(process.argv[3], JSON.stringify(outputs));
        """;

    [Test]
    public void Schema_building_agrees_with_graphql_js_on_mutated_SDL()
    {
        var tools = GraphQLJsOracle.RequireTools();
        var generator = new RandomDocumentGenerator(seed: 77);
        var inputs = Enumerable.Range(0, 1200).Select(_ => generator.Mutate(KitchenSinkSchema.Sdl)).ToList();
        var expected = GraphQLJsOracle.Run(tools, Script, inputs);

        var differences = new List<string>();
        for (var i = 0; i < inputs.Count; i++)
        {
            string actual;
            try
            {
                actual = "OK " + SchemaPrinter.Print(SchemaBuilder.FromSdl(inputs[i]));
            }
            catch (SchemaValidationException exception)
            {
                actual = "ERR " + string.Join(" | ", exception.Errors
                    .Select(e => e.Message + " @" + string.Join(",", e.Locations.Select(l => $"{l.Line}:{l.Column}")))
                    .Order(StringComparer.Ordinal));
            }

            if (actual != expected[i])
            {
                differences.Add($"SDL #{i}:\n  ours:       {actual[..Math.Min(actual.Length, 400)]}\n  graphql-js: {expected[i][..Math.Min(expected[i].Length, 400)]}");
            }
        }

        Assert.That(differences, Is.Empty, string.Join("\n", differences.Take(5)));
        Assert.That(expected.Count(e => e.StartsWith("OK", StringComparison.Ordinal)), Is.GreaterThan(20));
        Assert.That(expected.Count(e => e.StartsWith("ERR", StringComparison.Ordinal)), Is.GreaterThan(500));
    }
}
