using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// The directive half of <see cref="ProvidedRequiredArgumentsRule"/>, also run on SDL: required arguments of
/// directives (from the schema or defined in the document) are provided.
/// </summary>
public sealed class ProvidedRequiredArgumentsOnDirectivesRule : ValidationRule
{
    private readonly Dictionary<string, DirectiveDefinitionNode>? _documentDirectives;

    public ProvidedRequiredArgumentsOnDirectivesRule(ValidationContext context)
        : base(context)
    {
        _documentDirectives = DocumentDirectives.Find(context.Document);
    }

    public override void LeaveDirective(DirectiveNode node)
    {
        string directiveName = node.Name.Value;
        if (_documentDirectives is not null && _documentDirectives.TryGetValue(directiveName, out DirectiveDefinitionNode? defined))
        {
            foreach (InputValueDefinitionNode arg in defined.Arguments)
            {
                if (arg.Type is NonNullTypeNode && arg.DefaultValue is null)
                    CheckProvided(node, directiveName, arg.Name.Value, TypeRefs.Print(arg.Type));
            }
            return;
        }
        DirectiveDefinition? directive = TypeRefs.GetDirective(Context.SchemaOrNull, directiveName);
        if (directive is null)
            return;
        foreach (InputValueDefinition arg in directive.Arguments)
        {
            if (TypeRefs.IsRequired(arg))
                CheckProvided(node, directiveName, arg.Name, TypeRefs.Print(arg.Type));
        }
    }

    private void CheckProvided(DirectiveNode node, string directiveName, string argName, string argType)
    {
        if (!ProvidedRequiredArgumentsRule.HasArgument(node.Arguments, argName))
        {
            ReportError(
                $"Directive \"@{directiveName}\" argument \"{argName}\" of type \"{argType}\" is required, but it was not provided.",
                node);
        }
    }
}
