namespace Hotspot.Tests;

/// <summary>The checkout's root: the first ancestor of the test directory that holds <c>Hotspot.sln</c>.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Hotspot.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException("Hotspot.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
