namespace Hotspot.Tests;

/// <summary>
/// <c>../shared</c> beside the repository root: conformance data and provider fixtures, read at test time and never
/// copied into the repository. A test that needs a missing file is ignored with what is missing, except on CI
/// (<c>CI=true</c>), where it fails, as the tests that need an outside program do.
/// </summary>
public static class SharedFolder
{
    public static string Root => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot.Path, "..", "shared"));

    /// <summary>The file or folder under <c>../shared</c>; when it is missing, the test stops here (see the class).</summary>
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([Root, .. parts]);
        if (Problem(path) is { } problem)
            Requirement.Missing(problem);
        return path;
    }

    /// <summary>
    /// A test case source that reads <c>../shared</c>: its cases, or, locally and with the folder missing, one ignored
    /// case that says what is missing (an exception in a source would only show as a broken test).
    /// </summary>
    public static IEnumerable<TestCaseData> CasesFrom(string[] parts, Func<IEnumerable<TestCaseData>> load, int arguments = 1)
    {
        var path = System.IO.Path.Combine([Root, .. parts]);
        if (Problem(path) is { } problem && !Requirement.OnCi)
            return [new TestCaseData(new object?[arguments]).SetName("Needs ../shared").Ignore(problem)];
        return load();
    }

    private static string? Problem(string path) =>
        File.Exists(path) || Directory.Exists(path)
            ? null
            : $"This test reads {System.IO.Path.GetRelativePath(System.IO.Path.GetDirectoryName(Root)!, path)}, which is missing: "
              + "the shared folder (conformance data and provider fixtures) belongs beside the repository, as on CI.";
}
