using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.1 Fragment Name Uniqueness.</summary>
public sealed class UniqueFragmentNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void EnterOperationDefinition(OperationDefinitionNode node) => SkipChildren();

    public override void EnterFragmentDefinition(FragmentDefinitionNode node)
    {
        string name = node.Name.Value;
        if (_known.TryGetValue(name, out NameNode? first))
            Context.ReportError($"There can be only one fragment named \"{name}\".", first, node.Name);
        else
            _known.Add(name, node.Name);
        SkipChildren();
    }
}
