using System.Diagnostics;

namespace Hotspot.Tests.GraphQL.Conformance;

/// <summary>GraphQLHost refuses a bad command line or schema with a clear message and a non-zero exit code.</summary>
public class GraphQLHostCommandLineTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(ConformanceEnvironment.GraphQLHostDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    [Test]
    public async Task Missing_arguments_are_named_with_the_usage()
    {
        var (exitCode, output) = await RunAsync();
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain("Missing --schema <file.graphql> and --data <root.json>.").And.Contain("usage: GraphQLHost"));
    }

    [Test]
    public async Task A_missing_data_file_is_named()
    {
        var schema = Path.Combine(ConformanceEnvironment.CorpusDirectory, "exec", "schema.graphql");
        var (exitCode, output) = await RunAsync("--schema", schema, "--data", "no-such-file.json");
        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain("Data file 'no-such-file.json' does not exist."));
    }

    [Test]
    public async Task An_invalid_schema_is_refused_with_its_errors()
    {
        var directory = Directory.CreateTempSubdirectory("graphqlhost-");
        try
        {
            var schema = Path.Combine(directory.FullName, "schema.graphql");
            var data = Path.Combine(directory.FullName, "data.json");
            await File.WriteAllTextAsync(schema, "type Query { a: Nope }");
            await File.WriteAllTextAsync(data, "{}");

            var (exitCode, output) = await RunAsync("--schema", schema, "--data", data);

            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(output, Does.Contain("cannot be served").And.Contain("Unknown type \"Nope\"."));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
