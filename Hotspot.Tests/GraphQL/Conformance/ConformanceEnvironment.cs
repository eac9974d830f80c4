namespace Hotspot.Tests.GraphQL.Conformance;

/// <summary>
/// Where the external conformance checks find their pieces: the repository (for the corpus and the built
/// GraphQLHost) and the npm-installed Node scripts named by <c>HOTSPOT_CONFORMANCE_TOOLS</c>.
/// </summary>
public static class ConformanceEnvironment
{
    public const string ToolsVariable = "HOTSPOT_CONFORMANCE_TOOLS";

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hotspot.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("No ancestor of the test directory holds Hotspot.sln.");
        }
    }

    public static string CorpusDirectory => Path.Combine(RepositoryRoot, "Hotspot.Tests", "GraphQL", "Conformance", "corpus");

    /// <summary>
    /// The folder holding the npm-installed scripts. Without it the test is ignored with the reason, except on CI
    /// (<c>CI=true</c>), where a missing tool is a failure rather than a silent skip.
    /// </summary>
    public static string RequireTools()
    {
        var tools = Environment.GetEnvironmentVariable(ToolsVariable);
        string? problem = null;
        if (string.IsNullOrWhiteSpace(tools))
        {
            problem = $"{ToolsVariable} is not set: copy ../shared/tools/graphql-conformance outside the repository, run `npm ci` there, and export {ToolsVariable}=<that folder>.";
        }
        else if (!File.Exists(Path.Combine(tools, "audit.mjs")) || !Directory.Exists(Path.Combine(tools, "node_modules", "graphql-http")))
        {
            problem = $"{ToolsVariable}={tools} does not hold the conformance scripts with their npm packages (run `npm ci` there).";
        }

        if (problem is null)
        {
            return tools!;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(problem);
        }

        Assert.Ignore(problem);
        return null!;
    }

    /// <summary>The GraphQLHost build of the same configuration as this test assembly.</summary>
    public static string GraphQLHostDll
    {
        get
        {
            // The test assembly runs from Hotspot.Tests/bin/<Configuration>/<tfm>/.
            var testDirectory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            var framework = testDirectory.Name;
            var configuration = testDirectory.Parent!.Name;
            var dll = Path.Combine(RepositoryRoot, "tools", "GraphQLHost", "bin", configuration, framework, "GraphQLHost.dll");
            if (!File.Exists(dll))
            {
                Assert.Fail($"{dll} is missing: build it first (`dotnet build tools/GraphQLHost -c {configuration}`; building Hotspot.sln does it).");
            }

            return dll;
        }
    }
}
