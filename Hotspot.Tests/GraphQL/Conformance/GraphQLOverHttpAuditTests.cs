namespace Hotspot.Tests.GraphQL.Conformance;

/// <summary>graphql-http's server audits (GraphQL over HTTP) against the running GraphQLHost.</summary>
[Slow(TestCategories.Conformance)]
[TestFixture]
public class GraphQLOverHttpAuditTests
{
    [Test]
    public async Task Strict_audit_passes_all_61_audits()
    {
        var tools = ConformanceEnvironment.RequireTools();
        var exec = Path.Combine(ConformanceEnvironment.CorpusDirectory, "exec");
        await using var host = await GraphQLServerProcess.StartGraphQLHostAsync(Path.Combine(exec, "schema.graphql"), Path.Combine(exec, "data.json"));

        var outcome = await NodeScript.RunAsync(tools, "audit.mjs", host.GraphQLUrl, "--strict");

        Assert.That(outcome.Output, Does.Contain("61 audits: 61 pass, 0 fail"), outcome.Output);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
    }
}
