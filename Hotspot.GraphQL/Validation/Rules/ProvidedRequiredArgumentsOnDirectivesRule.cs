using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// The directive half of <see cref="ProvidedRequiredArgumentsRule"/>, also run on SDL: required arguments of
/// directives (from the schema or defined in the document) are provided.
/// </summary>
public sealed class ProvidedRequiredArgumentsOnDirectivesRule : ValidationRule
{
    private readonly Dictionary<string, List<(string Name, string Type)>> _required = new(StringComparer.Ordinal);

    public ProvidedRequiredArgumentsOnDirectivesRule(ValidationContext context)
        : base(context)
    {
        foreach (DirectiveDefinition directive in TypeRefs.Directives(context.SchemaOrNull))
        {
            var required = new List<(string, string)>();
            foreach (InputValueDefinition arg in directive.Arguments)
            {
                if (TypeRefs.IsRequired(arg))
                    required.Add((arg.Name, TypeRefs.Print(arg.Type)));
            }
            _required[directive.Name] = required;
        }
        foreach (DefinitionNode definition in context.Document.Definitions)
        {
            if (definition is not DirectiveDefinitionNode directive)
                continue;
            var required = new List<(string, string)>();
            foreach (InputValueDefinitionNode arg in directive.Arguments)
            {
                if (arg.Type is NonNullTypeNode && arg.DefaultValue is null)
                    required.Add((arg.Name.Value, TypeRefs.Print(arg.Type)));
            }
            _required[directive.Name.Value] = required;
        }
    }

    public override void LeaveDirective(DirectiveNode node)
    {
        string directiveName = node.Name.Value;
        if (!_required.TryGetValue(directiveName, out List<(string Name, string Type)>? required))
            return;
        foreach (var (name, type) in required)
        {
            if (!ProvidedRequiredArgumentsRule.HasArgument(node.Arguments, name))
            {
                ReportError(
                    $"Directive \"@{directiveName}\" argument \"{name}\" of type \"{type}\" is required, but it was not provided.",
                    node);
            }
        }
    }
}
