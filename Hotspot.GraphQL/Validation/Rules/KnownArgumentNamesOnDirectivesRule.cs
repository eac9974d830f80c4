using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// The directive half of <see cref="KnownArgumentNamesRule"/>, also run on SDL: every argument of a directive is
/// defined by the directive (in the schema, or in the document being validated).
/// </summary>
public sealed class KnownArgumentNamesOnDirectivesRule : ValidationRule
{
    private readonly Dictionary<string, List<string>> _directiveArgs = new(StringComparer.Ordinal);

    public KnownArgumentNamesOnDirectivesRule(ValidationContext context)
        : base(context)
    {
        foreach (DirectiveDefinition directive in TypeRefs.Directives(context.SchemaOrNull))
        {
            var names = new List<string>(directive.Arguments.Count);
            foreach (InputValueDefinition arg in directive.Arguments)
                names.Add(arg.Name);
            _directiveArgs[directive.Name] = names;
        }
        foreach (DefinitionNode definition in context.Document.Definitions)
        {
            if (definition is DirectiveDefinitionNode directive)
            {
                var names = new List<string>(directive.Arguments.Count);
                foreach (InputValueDefinitionNode arg in directive.Arguments)
                    names.Add(arg.Name.Value);
                _directiveArgs[directive.Name.Value] = names;
            }
        }
    }

    public override void EnterDirective(DirectiveNode node)
    {
        string directiveName = node.Name.Value;
        if (node.Arguments.Count > 0 && _directiveArgs.TryGetValue(directiveName, out List<string>? known))
        {
            foreach (ArgumentNode arg in node.Arguments)
            {
                string argName = arg.Name.Value;
                if (known.Contains(argName))
                    continue;
                ReportError(
                    $"Unknown argument \"{argName}\" on directive \"@{directiveName}\"." +
                    DidYouMean.Format(SuggestionList.Find(argName, known)),
                    arg);
            }
        }
    }
}
