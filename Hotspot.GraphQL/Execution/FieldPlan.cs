using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// One response key of a collected selection set on one object type: its field nodes, the field definition,
/// the arguments when they are constant (coerced once), and the cache of its collected subfields per runtime type.
/// </summary>
internal sealed class FieldPlan
{
    private readonly object _gate = new();
    private SubfieldEntry? _lastSubfields;
    private Dictionary<ExecutableObjectType, CollectedFields>? _subfields;

    public FieldPlan(string responseKey, FieldNode[] nodes, ExecutableObjectType parentType, ExecutableField field,
        FieldPlanKind kind)
    {
        ResponseKey = responseKey;
        Nodes = nodes;
        ParentType = parentType;
        Field = field;
        Kind = kind;
        var locations = new Errors.SourceLocation[nodes.Length];
        for (int i = 0; i < nodes.Length; i++) locations[i] = nodes[i].Location.ToSourceLocation();
        Locations = locations;
        ArgumentsAreConstant = !HasVariables(nodes[0].Arguments);
    }

    private sealed record SubfieldEntry(ExecutableObjectType Type, CollectedFields Fields);

    public string ResponseKey { get; }
    public FieldNode[] Nodes { get; }
    public ExecutableObjectType ParentType { get; }
    public ExecutableField Field { get; }
    public FieldPlanKind Kind { get; }
    public Errors.SourceLocation[] Locations { get; }
    public bool ArgumentsAreConstant { get; }

    /// <summary>Coerced constant arguments (set lazily; <see cref="ConstantArgumentsReady"/> tells when).</summary>
    public IReadOnlyDictionary<string, object?>? ConstantArguments { get; set; }
    public volatile bool ConstantArgumentsReady;

    public CollectedFields? GetCachedSubfields(ExecutableObjectType type)
    {
        var last = _lastSubfields;
        if (last is not null && ReferenceEquals(last.Type, type)) return last.Fields;
        lock (_gate)
        {
            if (_subfields is not null && _subfields.TryGetValue(type, out var fields))
            {
                _lastSubfields = new SubfieldEntry(type, fields);
                return fields;
            }
        }
        return null;
    }

    public void CacheSubfields(ExecutableObjectType type, CollectedFields fields)
    {
        lock (_gate)
        {
            _subfields ??= new Dictionary<ExecutableObjectType, CollectedFields>();
            _subfields.TryAdd(type, fields);
        }
        _lastSubfields = new SubfieldEntry(type, fields);
    }

    private static bool HasVariables(IReadOnlyList<ArgumentNode> arguments)
    {
        foreach (var argument in arguments)
            if (ContainsVariable(argument.Value)) return true;
        return false;
    }

    private static bool ContainsVariable(ValueNode value)
    {
        switch (value)
        {
            case VariableNode:
                return true;
            case ListValueNode list:
                foreach (var item in list.Values)
                    if (ContainsVariable(item)) return true;
                return false;
            case ObjectValueNode obj:
                foreach (var field in obj.Fields)
                    if (ContainsVariable(field.Value)) return true;
                return false;
            default:
                return false;
        }
    }
}
