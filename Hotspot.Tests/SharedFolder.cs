namespace Hotspot.Tests.Providers;

/// <summary>Finds <c>../shared</c> beside the repository root (the folder holding Hotspot.sln).</summary>
public static class SharedFolder
{
    public static string Path(params string[] parts)
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Hotspot.sln")))
        {
            directory = directory.Parent;
        }

        if (directory?.Parent is null)
        {
            throw new DirectoryNotFoundException("No ancestor of the test directory holds Hotspot.sln.");
        }

        return System.IO.Path.Combine([directory.Parent.FullName, "shared", .. parts]);
    }
}
