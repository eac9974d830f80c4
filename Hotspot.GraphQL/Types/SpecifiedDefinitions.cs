namespace Hotspot.GraphQL.Types;

/// <summary>Builds <see cref="SpecifiedSdl"/> once; shared by every schema, like graphql-js's singletons.</summary>
internal static class SpecifiedDefinitions
{
    private static readonly Lazy<(IReadOnlyDictionary<string, NamedType> Types, IReadOnlyList<DirectiveDefinition> Directives)> Built =
        new(() => SchemaBuilder.BuildSpecified(SpecifiedSdl.Text));

    public static IReadOnlyDictionary<string, NamedType> Types => Built.Value.Types;

    public static IReadOnlyList<DirectiveDefinition> Directives => Built.Value.Directives;
}
