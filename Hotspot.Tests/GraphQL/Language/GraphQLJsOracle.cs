using System.Diagnostics;
using System.Text.Json;

namespace Hotspot.Tests.GraphQL.Language;

/// <summary>
/// Runs a small CommonJS script against graphql-js from the installed conformance tools
/// (<c>HOTSPOT_CONFORMANCE_TOOLS</c>, set by CI): the script reads a JSON array of inputs and writes a JSON array
/// of outcomes. Tests call <see cref="RequireTools"/> first: without the tools they are skipped with the reason, or fail on CI.
/// </summary>
internal static class GraphQLJsOracle
{
    public static string RequireTools()
    {
        var tools = Environment.GetEnvironmentVariable("HOTSPOT_CONFORMANCE_TOOLS");
        if (string.IsNullOrEmpty(tools) || !Directory.Exists(Path.Combine(tools, "node_modules", "graphql")))
        {
            Requirement.Missing("HOTSPOT_CONFORMANCE_TOOLS is not set to the installed conformance tools with node_modules/graphql (CI sets it).");
        }

        return tools!;
    }

    /// <summary>The script sees the tools folder as <c>process.env.HOTSPOT_CONFORMANCE_TOOLS</c> and gets input and output paths as arguments.</summary>
    public static List<string> Run(string tools, string script, IReadOnlyList<string> inputs)
    {
        var directory = Directory.CreateTempSubdirectory("gql-oracle-");
        try
        {
            var scriptPath = Path.Combine(directory.FullName, "oracle.cjs");
            var inputPath = Path.Combine(directory.FullName, "inputs.json");
            var outputPath = Path.Combine(directory.FullName, "outputs.json");
            File.WriteAllText(scriptPath, script);
            File.WriteAllText(inputPath, JsonSerializer.Serialize(inputs));
            var start = new ProcessStartInfo("node", [scriptPath, inputPath, outputPath]) { RedirectStandardError = true };
            start.Environment["HOTSPOT_CONFORMANCE_TOOLS"] = tools;
            using var node = Process.Start(start)!;
            var errors = node.StandardError.ReadToEnd();
            node.WaitForExit();
            Assert.That(node.ExitCode, Is.EqualTo(0), errors);
            return JsonSerializer.Deserialize<List<string>>(File.ReadAllText(outputPath))!;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
