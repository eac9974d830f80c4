using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names: every argument is defined by its field or directive.</summary>
public sealed class KnownArgumentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly KnownArgumentNamesOnDirectivesRule _onDirectives = new(context);

    // Directive arguments are checked against the directive only, never against the enclosing field.
    public override void EnterDirective(DirectiveNode node)
    {
        _onDirectives.EnterDirective(node);
        SkipChildren();
    }

    public override void EnterArgument(ArgumentNode node)
    {
        FieldDefinition? fieldDef = Context.FieldDefinition;
        NamedType? parentType = Context.ParentType;
        if (Context.Argument is not null || fieldDef is null || parentType is null)
            return;
        string argName = node.Name.Value;
        var names = new List<string>(fieldDef.Arguments.Count);
        foreach (InputValueDefinition arg in fieldDef.Arguments)
            names.Add(arg.Name);
        ReportError(
            $"Unknown argument \"{argName}\" on field \"{parentType.Name}.{fieldDef.Name}\"." +
            DidYouMean.Format(DidYouMean.SuggestionList(argName, names)),
            node);
    }
}
