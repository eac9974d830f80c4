using System.Text.RegularExpressions;

namespace Hotspot.Tests.GraphQL.Conformance;

/// <summary>
/// graphql-js and GraphQLHost execute every query of <c>corpus/exec/queries</c> over the same JSON fixture;
/// data, the presence of <c>data</c>, and the set of error paths must be identical.
/// </summary>
[Slow(TestCategories.Conformance)]
[TestFixture]
public class DifferentialExecutionTests
{
    [Test]
    public async Task Every_corpus_query_executes_exactly_as_in_graphql_js()
    {
        var tools = ConformanceEnvironment.RequireTools();
        var exec = Path.Combine(ConformanceEnvironment.CorpusDirectory, "exec");
        var queries = Path.Combine(exec, "queries");
        var queryCount = Directory.GetFiles(queries, "*.graphql").Length;
        Assert.That(queryCount, Is.GreaterThanOrEqualTo(60), "the corpus must hold at least 60 queries");
        await using var host = await GraphQLServerProcess.StartGraphQLHostAsync(Path.Combine(exec, "schema.graphql"), Path.Combine(exec, "data.json"));

        var outcome = await NodeScript.RunAsync(tools, "diffexec.mjs", host.GraphQLUrl, Path.Combine(exec, "schema.graphql"), Path.Combine(exec, "data.json"), queries);

        var identical = Regex.Matches(outcome.Output, @"^OK\s", RegexOptions.Multiline).Count;
        Assert.That(outcome.Output, Does.Match(@"(?m)^0 difference\(s\)"), outcome.Output);
        Assert.That(identical, Is.EqualTo(queryCount), outcome.Output);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
    }
}
