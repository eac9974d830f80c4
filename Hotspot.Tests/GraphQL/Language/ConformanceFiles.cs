namespace Hotspot.Tests.GraphQL.Language;

/// <summary>The language conformance files in <see cref="SharedFolder"/>, read at test time.</summary>
internal static class ConformanceFiles
{
    public static readonly string[] LanguageFolder = ["conformance", "graphql", "language"];

    public static string LanguageFile(string fileName) => SharedFolder.Path([.. LanguageFolder, fileName]);
}
