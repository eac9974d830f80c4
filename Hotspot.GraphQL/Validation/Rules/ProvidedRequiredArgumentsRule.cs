using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2.1 Required Arguments: non-null arguments without a default are provided, on fields and directives.</summary>
public sealed class ProvidedRequiredArgumentsRule(ValidationContext context) : ValidationRule(context)
{
    private readonly ProvidedRequiredArgumentsOnDirectivesRule _onDirectives = new(context);

    public override void LeaveDirective(DirectiveNode node) => _onDirectives.LeaveDirective(node);

    public override void LeaveField(FieldNode node)
    {
        FieldDefinition? fieldDef = Context.FieldDefinition;
        if (fieldDef is null)
            return;
        foreach (InputValueDefinition argDef in fieldDef.Arguments)
        {
            if (!TypeRefs.IsRequired(argDef) || HasArgument(node.Arguments, argDef.Name))
                continue;
            ReportError(
                $"Field \"{fieldDef.Name}\" argument \"{argDef.Name}\" of type \"{TypeRefs.Print(argDef.Type)}\" is required, but it was not provided.",
                node);
        }
    }

    internal static bool HasArgument(IReadOnlyList<ArgumentNode> arguments, string name)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i].Name.Value == name)
                return true;
        }
        return false;
    }
}
