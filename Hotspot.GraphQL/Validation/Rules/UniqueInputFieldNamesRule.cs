using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>Spec 5.6.3 Input Object Field Uniqueness.</summary>
public sealed class UniqueInputFieldNamesRule(ValidationContext context) : ValidationRule(context)
{
    private readonly Stack<Dictionary<string, NameNode>> _outer = new();
    private Dictionary<string, NameNode> _known = new(StringComparer.Ordinal);

    public override void EnterObjectValue(ObjectValueNode node)
    {
        _outer.Push(_known);
        _known = new Dictionary<string, NameNode>(StringComparer.Ordinal);
    }

    public override void LeaveObjectValue(ObjectValueNode node) => _known = _outer.Pop();

    public override void EnterObjectField(ObjectFieldNode node)
    {
        string name = node.Name.Value;
        if (_known.TryGetValue(name, out NameNode? first))
            Context.ReportError($"There can be only one input field named \"{name}\".", first, node.Name);
        else
            _known.Add(name, node.Name);
    }
}
