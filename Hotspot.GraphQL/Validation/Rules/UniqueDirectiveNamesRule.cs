using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>SDL: each directive is defined once, and not again when it exists in the schema being extended.</summary>
public sealed class UniqueDirectiveNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void EnterTypeSystemDefinition(DefinitionNode node)
    {
        if (node is not DirectiveDefinitionNode directive)
            return;
        string name = directive.Name.Value;
        if (Context.SchemaOrNull?.GetDirective(name) is not null)
        {
            ReportError($"Directive \"@{name}\" already exists in the schema. It cannot be redefined.", directive.Name);
            return;
        }
        if (_known.TryGetValue(name, out NameNode? first))
            Context.ReportError($"There can be only one directive named \"@{name}\".", first, directive.Name);
        else
            _known.Add(name, directive.Name);
    }
}
