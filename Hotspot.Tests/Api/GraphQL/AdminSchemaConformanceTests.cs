using Hotspot.Tests.GraphQL.Conformance;

namespace Hotspot.Tests.Api.GraphQL;

/// <summary>graphql-js and graphql-http against /graphql of the running API (needs HOTSPOT_CONFORMANCE_TOOLS).</summary>
[Slow(TestCategories.Conformance)]
public class AdminSchemaConformanceTests
{
    [Test]
    public async Task Oracle_finds_the_served_schema_equal_to_schema_graphql()
    {
        var tools = ConformanceEnvironment.RequireTools();
        await using var api = await GraphQLServerProcess.StartApiAsync();

        var outcome = await NodeScript.RunAsync(tools, "oracle.mjs", api.GraphQLUrl, Path.Combine(RepositoryRoot.Path, "schema.graphql"));

        Assert.That(outcome.Output, Does.Contain(": 0 failure(s)"), outcome.Output);
        var changes = outcome.Output.Split('\n')
            .Where(line => line.StartsWith("MISSING/BREAKING", StringComparison.Ordinal) || line.StartsWith("DANGEROUS", StringComparison.Ordinal)
                           || line.StartsWith("EXTRA", StringComparison.Ordinal));
        Assert.That(changes, Is.Empty, outcome.Output);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
    }

    [Test]
    public async Task Strict_audit_passes_all_61_audits_against_the_api()
    {
        var tools = ConformanceEnvironment.RequireTools();
        await using var api = await GraphQLServerProcess.StartApiAsync();

        var outcome = await NodeScript.RunAsync(tools, "audit.mjs", api.GraphQLUrl, "--strict");

        Assert.That(outcome.Output, Does.Contain("61 audits: 61 pass, 0 fail"), outcome.Output);
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
    }
}
