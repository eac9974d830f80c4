namespace Hotspot.Tests.GraphQL.Validation.Conformance;

/// <summary>
/// Locates the shared data folder (<c>../shared</c> beside the repository root) at test time;
/// the conformance data is read from there, never copied into the repository.
/// </summary>
internal static class SharedData
{
    public static string ValidationDirectory => Path.Combine(Root, "conformance", "graphql", "validation");

    public static string Root
    {
        get
        {
            string start = TestContext.CurrentContext.TestDirectory ?? AppContext.BaseDirectory;
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Hotspot.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
            throw new DirectoryNotFoundException($"No ancestor of {start} contains Hotspot.sln.");
        }
    }
}
