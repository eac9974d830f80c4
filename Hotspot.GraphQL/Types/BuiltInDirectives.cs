namespace Hotspot.GraphQL.Types;

/// <summary>The directives every schema has unless its SDL redefines them: @include, @skip, @deprecated, @specifiedBy, @oneOf.</summary>
public static class BuiltInDirectives
{
    public const string DefaultDeprecationReason = "No longer supported";

    public static DirectiveDefinition Include => Get("include")!;

    public static DirectiveDefinition Skip => Get("skip")!;

    public static DirectiveDefinition Deprecated => Get("deprecated")!;

    public static DirectiveDefinition SpecifiedBy => Get("specifiedBy")!;

    public static DirectiveDefinition OneOf => Get("oneOf")!;

    /// <summary>In graphql-js's order: include, skip, deprecated, specifiedBy, oneOf.</summary>
    public static IReadOnlyList<DirectiveDefinition> All => SpecifiedDefinitions.Directives;

    public static DirectiveDefinition? Get(string name)
    {
        foreach (var directive in SpecifiedDefinitions.Directives)
        {
            if (directive.Name == name)
            {
                return directive;
            }
        }

        return null;
    }

    public static bool IsSpecified(DirectiveDefinition directive) => All.Contains(directive);
}
