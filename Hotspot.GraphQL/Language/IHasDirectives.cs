namespace Hotspot.GraphQL.Language;

/// <summary>A node that may carry directives (<c>@name(args)</c>), so directive rules can treat them alike.</summary>
public interface IHasDirectives
{
    IReadOnlyList<DirectiveNode> Directives { get; }
}
