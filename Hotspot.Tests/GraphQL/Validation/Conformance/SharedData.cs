namespace Hotspot.Tests.GraphQL.Validation.Conformance;

/// <summary>The validation conformance data in <see cref="SharedFolder"/>, read at test time, never copied into the repository.</summary>
internal static class SharedData
{
    public static readonly string[] ValidationFolder = ["conformance", "graphql", "validation"];

    public static string ValidationDirectory => SharedFolder.Path(ValidationFolder);
}
