using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// The directive half of <see cref="KnownArgumentNamesRule"/>, also run on SDL: every argument of a directive is
/// defined by the directive (in the schema, or in the document being validated).
/// </summary>
public sealed class KnownArgumentNamesOnDirectivesRule : ValidationRule
{
    private readonly Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;

    public KnownArgumentNamesOnDirectivesRule(ValidationContext context)
        : base(context)
    {
        _documentDirectives = DocumentDirectives.Find(context.Document);
    }

    public override void EnterDirective(DirectiveNode node)
    {
        if (node.Arguments.Count == 0)
            return;
        string directiveName = node.Name.Value;
        List<string>? known = null;
        if (_documentDirectives is not null && _documentDirectives.TryGetValue(directiveName, out DirectiveDefinitionNode? defined))
        {
            known = [];
            foreach (InputValueDefinitionNode arg in defined.Arguments)
                known.Add(arg.Name.Value);
        }
        DirectiveDefinition? directive = known is null ? TypeRefs.GetDirective(Context.SchemaOrNull, directiveName) : null;
        if (known is null && directive is null)
            return;

        foreach (ArgumentNode arg in node.Arguments)
        {
            string argName = arg.Name.Value;
            if (known is not null ? known.Contains(argName) : directive!.GetArgument(argName) is not null)
                continue;
            if (known is null)
            {
                known = [];
                foreach (InputValueDefinition definition in directive!.Arguments)
                    known.Add(definition.Name);
            }
            ReportError(
                $"Unknown argument \"{argName}\" on directive \"@{directiveName}\"." +
                DidYouMean.Format(DidYouMean.SuggestionList(argName, known)),
                arg);
        }
    }
}
