using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.2.1 Operation Name Uniqueness.</summary>
public sealed class UniqueOperationNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void EnterOperationDefinition(OperationDefinitionNode node)
    {
        NameNode? name = node.Name;
        if (name is not null)
        {
            if (_known.TryGetValue(name.Value, out NameNode? first))
                Context.ReportError($"There can be only one operation named \"{name.Value}\".", first, name);
            else
                _known.Add(name.Value, name);
        }
        SkipChildren();
    }

    public override void EnterFragmentDefinition(FragmentDefinitionNode node) => SkipChildren();
}
