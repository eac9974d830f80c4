namespace Hotspot.Tests.GraphQL.Conformance;

/// <summary>
/// graphql-js as an oracle: the served introspection, rebuilt with <c>buildClientSchema</c>, must print the same
/// SDL as the schema file, with no breaking or dangerous change in either direction.
/// </summary>
[TestFixture]
public class IntrospectionOracleTests
{
    [Test]
    public async Task Served_introspection_equals_a_schema_using_every_kind_of_type_and_directive()
    {
        var tools = ConformanceEnvironment.RequireTools();
        var oracle = Path.Combine(ConformanceEnvironment.CorpusDirectory, "oracle");
        var schema = Path.Combine(oracle, "schema.graphql");
        await using var host = await GraphQLHostProcess.StartAsync(schema, Path.Combine(oracle, "data.json"));

        var outcome = await NodeScript.RunAsync(tools, "oracle.mjs", host.Url, schema);

        Assert.That(outcome.Output, Does.Contain(": 0 failure(s)"), outcome.Output);
        Assert.That(outcome.Output, Does.Not.Contain("BREAKING").And.Not.Contain("DANGEROUS").And.Not.Contain("EXTRA"), outcome.Output);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
    }

    [Test]
    public async Task Served_introspection_equals_the_execution_corpus_schema()
    {
        var tools = ConformanceEnvironment.RequireTools();
        var exec = Path.Combine(ConformanceEnvironment.CorpusDirectory, "exec");
        var schema = Path.Combine(exec, "schema.graphql");
        await using var host = await GraphQLHostProcess.StartAsync(schema, Path.Combine(exec, "data.json"));

        var outcome = await NodeScript.RunAsync(tools, "oracle.mjs", host.Url, schema);

        Assert.That(outcome.Output, Does.Contain(": 0 failure(s)"), outcome.Output);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
    }
}
