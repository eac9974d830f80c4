using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2 Argument Uniqueness, for fields and directives.</summary>
public sealed class UniqueArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    public override void EnterField(FieldNode node) => Check(node.Arguments);

    public override void EnterDirective(DirectiveNode node) => Check(node.Arguments);

    private void Check(IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2)
            return;
        foreach (var (name, nodes) in NameGroups.Group(arguments, static a => a.Name))
        {
            if (nodes.Count > 1)
                Context.ReportError($"There can be only one argument named \"{name}\".", nodes);
        }
    }
}
