namespace Hotspot.Tests.GraphQL.Language;

/// <summary>Finds the shared conformance data next to the repository (repo root/../shared), read at test time.</summary>
internal static class ConformanceFiles
{
    public static string LanguageFile(string fileName) =>
        Path.Combine(SharedDirectory(), "conformance", "graphql", "language", fileName);

    public static string SharedDirectory()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hotspot.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new DirectoryNotFoundException("Hotspot.sln not found above the test directory.");
        }

        return Path.Combine(directory.Parent.FullName, "shared");
    }
}
