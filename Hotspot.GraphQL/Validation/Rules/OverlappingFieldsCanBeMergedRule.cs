using System.Text;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;

namespace Hotspot.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.3.2 Field Selection Merging: fields with the same response name in a selection (through fragments too)
/// must be mergeable: same field and arguments unless their parents are exclusive object types, and compatible
/// result shapes always. Follows graphql-js 16.15's algorithm: field collections are cached per (parent type,
/// selection set), fragment pairs are compared once per exclusivity, and a work budget bounds the comparisons,
/// so that documents crafted to make the comparison quadratic abort instead of burning CPU.
/// </summary>
public sealed class OverlappingFieldsCanBeMergedRule(ValidationContext context) : ValidationRule(context)
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int MaxComplexityBudget = 500_000;

    private readonly FragmentPairSet _comparedFragmentPairs = new();
    private readonly Dictionary<(NamedType?, SelectionSetNode), CollectFieldsResult> _collectCache = new(CollectKeyComparer.Instance);
    private readonly Dictionary<ValueNode, string> _stringifiedValues = new(ReferenceEqualityComparer.Instance);
    private int _remainingBudget = MaxComplexityBudget;

    public override void EnterSelectionSet(SelectionSetNode node)
    {
        // An inline fragment's fields are compared as part of the enclosing selection set.
        IReadOnlyList<SyntaxNode> ancestors = Context.Ancestors;
        if (ancestors.Count > 0 && ancestors[^1] is InlineFragmentNode)
            return;
        if (node.Selections.Count <= 1 && (node.Selections.Count == 0 || node.Selections[0] is not InlineFragmentNode))
            return;
        // The common case: plain fields with distinct response names cannot conflict among themselves.
        if (HasOnlyDistinctFields(node))
            return;

        List<Conflict> conflicts = FindConflictsWithinSelectionSet(Context.ParentType, node);
        foreach (Conflict conflict in conflicts)
        {
            var nodes = new List<FieldNode>(conflict.Fields1.Count + conflict.Fields2.Count);
            nodes.AddRange(conflict.Fields1);
            nodes.AddRange(conflict.Fields2);
            Context.ReportError(
                $"Fields \"{Abbreviate(conflict.ResponseName)}\" conflict because {conflict.Reason}. " +
                "Use different aliases on the fields to fetch both if this was intentional.",
                nodes);
        }
    }

    private static bool HasOnlyDistinctFields(SelectionSetNode node)
    {
        IReadOnlyList<SelectionNode> selections = node.Selections;
        if (selections.Count > 32)
            return false;
        for (int i = 0; i < selections.Count; i++)
        {
            if (selections[i] is not FieldNode field)
                return false;
            string name = field.ResponseName;
            for (int j = 0; j < i; j++)
            {
                if (((FieldNode)selections[j]).ResponseName == name)
                    return false;
            }
        }
        return true;
    }

    private List<Conflict> FindConflictsWithinSelectionSet(NamedType? parentType, SelectionSetNode selectionSet)
    {
        var conflicts = new List<Conflict>();
        CollectFieldsResult result = CollectFields(parentType, selectionSet);

        // (A) Conflicts within the fields of this selection set (fragments excluded).
        CollectConflictsWithin(conflicts, result);

        // (B) Then each fragment against the fields, and (C) against every other fragment.
        List<string> fragmentNames = result.FragmentNames;
        if (fragmentNames.Count != 0 && (result.Fields.Count != 0 || fragmentNames.Count > 1))
        {
            for (int i = 0; i < fragmentNames.Count; i++)
            {
                CollectConflictsBetweenFieldsAndFragment(conflicts, false, result, fragmentNames[i]);
                for (int j = i + 1; j < fragmentNames.Count; j++)
                    CollectConflictsBetweenFragments(conflicts, false, fragmentNames[i], fragmentNames[j]);
            }
        }
        return conflicts;
    }

    private void CollectConflictsBetweenFieldsAndFragment(
        List<Conflict> conflicts, bool areMutuallyExclusive, CollectFieldsResult result, string fragmentName)
    {
        SpendBudget(1);
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (result.Fields.Count == 0)
            return;

        // A non-exclusive comparison covers an exclusive one, not the other way round.
        result.ComparedFragments ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        if (result.ComparedFragments.TryGetValue(fragmentName, out bool comparedExclusive) &&
            (!comparedExclusive || areMutuallyExclusive))
            return;
        result.ComparedFragments[fragmentName] = areMutuallyExclusive;

        FragmentDefinitionNode? fragment = Context.GetFragment(fragmentName);
        if (fragment is null)
            return;
        CollectFieldsResult result2 = CollectFragmentFields(fragment);
        if (ReferenceEquals(result, result2))
            return;

        // (D) The fields against the fragment's fields, then (E) against fragments the fragment spreads.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, result, result2);
        foreach (string referenced in result2.FragmentNames)
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, result, referenced);
    }

    private void CollectConflictsBetweenFragments(
        List<Conflict> conflicts, bool areMutuallyExclusive, string fragmentName1, string fragmentName2)
    {
        SpendBudget(2);
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (fragmentName1 == fragmentName2)
            return;
        if (_comparedFragmentPairs.Has(fragmentName1, fragmentName2, areMutuallyExclusive))
            return;
        _comparedFragmentPairs.Add(fragmentName1, fragmentName2, areMutuallyExclusive);

        FragmentDefinitionNode? fragment1 = Context.GetFragment(fragmentName1);
        FragmentDefinitionNode? fragment2 = Context.GetFragment(fragmentName2);
        if (fragment1 is null || fragment2 is null)
            return;
        CollectFieldsResult result1 = CollectFragmentFields(fragment1);
        CollectFieldsResult result2 = CollectFragmentFields(fragment2);

        // (F) The two fragments' fields, then (G) each against the fragments the other spreads.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, result1, result2);
        foreach (string referenced2 in result2.FragmentNames)
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, referenced2);
        foreach (string referenced1 in result1.FragmentNames)
            CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, referenced1, fragmentName2);
    }

    private List<Conflict> FindConflictsBetweenSubSelectionSets(
        bool areMutuallyExclusive,
        NamedType? parentType1,
        SelectionSetNode selectionSet1,
        NamedType? parentType2,
        SelectionSetNode selectionSet2)
    {
        var conflicts = new List<Conflict>();
        CollectFieldsResult result1 = CollectFields(parentType1, selectionSet1);
        CollectFieldsResult result2 = CollectFields(parentType2, selectionSet2);

        // (H) Fields against fields, (I) fields against the other side's fragments, (J) fragments against fragments.
        CollectConflictsBetween(conflicts, areMutuallyExclusive, result1, result2);
        foreach (string fragmentName2 in result2.FragmentNames)
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, result1, fragmentName2);
        foreach (string fragmentName1 in result1.FragmentNames)
            CollectConflictsBetweenFieldsAndFragment(conflicts, areMutuallyExclusive, result2, fragmentName1);
        foreach (string fragmentName1 in result1.FragmentNames)
        {
            foreach (string fragmentName2 in result2.FragmentNames)
                CollectConflictsBetweenFragments(conflicts, areMutuallyExclusive, fragmentName1, fragmentName2);
        }
        return conflicts;
    }

    private void CollectConflictsWithin(List<Conflict> conflicts, CollectFieldsResult result)
    {
        foreach (KeyValuePair<string, List<FieldDetails>> entry in result.Fields)
        {
            List<FieldDetails> fields = entry.Value;
            if (fields.Count <= 1)
                continue;
            for (int i = 0; i < fields.Count; i++)
            {
                for (int j = i + 1; j < fields.Count; j++)
                {
                    Conflict? conflict = FindConflict(false, entry.Key, fields[i], fields[j]);
                    if (conflict is not null)
                        conflicts.Add(conflict);
                }
            }
        }
    }

    private void CollectConflictsBetween(
        List<Conflict> conflicts, bool parentFieldsAreMutuallyExclusive, CollectFieldsResult result1, CollectFieldsResult result2)
    {
        if (result1.Fields.Count == 0 || result2.Fields.Count == 0)
            return;
        foreach (Overlap overlap in GetOverlappingFields(result1, result2))
        {
            foreach (FieldDetails field1 in overlap.Fields1)
            {
                foreach (FieldDetails field2 in overlap.Fields2)
                {
                    Conflict? conflict = FindConflict(parentFieldsAreMutuallyExclusive, overlap.ResponseName, field1, field2);
                    if (conflict is not null)
                        conflicts.Add(conflict);
                }
            }
        }
    }

    private List<Overlap> GetOverlappingFields(CollectFieldsResult result1, CollectFieldsResult result2)
    {
        result1.OverlappingFields ??= new Dictionary<CollectFieldsResult, List<Overlap>>(ReferenceEqualityComparer.Instance);
        if (result1.OverlappingFields.TryGetValue(result2, out List<Overlap>? cached))
            return cached;
        var overlapping = new List<Overlap>();
        foreach (KeyValuePair<string, List<FieldDetails>> entry in result1.Fields)
        {
            SpendBudget(1);
            if (result2.Fields.TryGetValue(entry.Key, out List<FieldDetails>? fields2))
                overlapping.Add(new Overlap(entry.Key, entry.Value, fields2));
        }
        result1.OverlappingFields[result2] = overlapping;
        return overlapping;
    }

    /// <summary>The conflict between two fields with the same response name, including their sub-selections, or null.</summary>
    private Conflict? FindConflict(bool parentFieldsAreMutuallyExclusive, string responseName, FieldDetails field1, FieldDetails field2)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        // Fields on two different object types can never both apply to one value, so only their shapes must agree.
        bool areMutuallyExclusive = parentFieldsAreMutuallyExclusive ||
                                    (!ReferenceEquals(field1.ParentType, field2.ParentType) &&
                                     field1.ParentType is ObjectType && field2.ParentType is ObjectType);
        SpendBudget(2);

        FieldNode node1 = field1.Node;
        FieldNode node2 = field2.Node;
        if (field1.IsSimpleLeaf && field2.IsSimpleLeaf &&
            ReferenceEquals(field1.Definition?.Type, field2.Definition?.Type) &&
            node1.Name.Value == node2.Name.Value)
            return null;

        if (!areMutuallyExclusive)
        {
            FieldInfo info1 = field1.GetInfo();
            FieldInfo info2 = field2.GetInfo();
            info1.Comparisons ??= new Dictionary<FieldInfo, string?>(ReferenceEqualityComparer.Instance);
            if (!info1.Comparisons.TryGetValue(info2, out string? reason))
            {
                string name1 = node1.Name.Value;
                string name2 = node2.Name.Value;
                reason = name1 != name2
                    ? $"\"{Abbreviate(name1)}\" and \"{Abbreviate(name2)}\" are different fields"
                    : SameArguments(node1.Arguments, node2.Arguments)
                        ? null
                        : "they have differing arguments";
                info1.Comparisons[info2] = reason;
            }
            if (reason is not null)
                return new Conflict(responseName, reason, [node1], [node2]);
        }

        GraphQLType? type1 = field1.Definition?.Type;
        GraphQLType? type2 = field2.Definition?.Type;
        if (type1 is not null && type2 is not null && DoTypesConflict(type1, type2))
        {
            FieldInfo info1 = field1.GetInfo();
            FieldInfo info2 = field2.GetInfo();
            info1.TypeString ??= TypeRefs.Print(type1);
            info2.TypeString ??= TypeRefs.Print(type2);
            return new Conflict(
                responseName,
                $"they return conflicting types \"{info1.TypeString}\" and \"{info2.TypeString}\"",
                [node1],
                [node2]);
        }

        // Compare the sub-selections, which may hold conflicts of their own.
        if (node1.SelectionSet is not null && node2.SelectionSet is not null)
        {
            List<Conflict> conflicts = FindConflictsBetweenSubSelectionSets(
                areMutuallyExclusive,
                field1.GetInfo().NamedType,
                node1.SelectionSet,
                field2.GetInfo().NamedType,
                node2.SelectionSet);
            return SubfieldConflicts(conflicts, responseName, node1, node2);
        }
        return null;
    }

    private bool SameArguments(IReadOnlyList<ArgumentNode> arguments1, IReadOnlyList<ArgumentNode> arguments2)
    {
        if (arguments1.Count != arguments2.Count)
            return false;
        for (int i = 0; i < arguments1.Count; i++)
        {
            SpendBudget(1);
            ArgumentNode arg1 = arguments1[i];
            ValueNode? value2 = null;
            // The last argument with a name wins, as a JavaScript Map keyed by name would have it.
            for (int j = arguments2.Count - 1; j >= 0; j--)
            {
                if (arguments2[j].Name.Value == arg1.Name.Value)
                {
                    value2 = arguments2[j].Value;
                    break;
                }
            }
            if (value2 is null || Stringify(arg1.Value) != Stringify(value2))
                return false;
        }
        return true;
    }

    /// <summary>A canonical text of a value (object fields sorted by name), cached per node, for equality.</summary>
    private string Stringify(ValueNode value)
    {
        if (_stringifiedValues.TryGetValue(value, out string? cached))
            return cached;
        var builder = new StringBuilder();
        AppendCanonical(builder, value);
        string result = builder.ToString();
        _stringifiedValues[value] = result;
        return result;
    }

    private static void AppendCanonical(StringBuilder builder, ValueNode value)
    {
        switch (value)
        {
            case VariableNode variable:
                builder.Append('$').Append(variable.Name.Value);
                break;
            case IntValueNode intValue:
                builder.Append("i:").Append(intValue.Value);
                break;
            case FloatValueNode floatValue:
                builder.Append("f:").Append(floatValue.Value);
                break;
            case StringValueNode stringValue:
                builder.Append(stringValue.Block ? "B:" : "S:").Append(Printer.PrintString(stringValue.Value));
                break;
            case BooleanValueNode booleanValue:
                builder.Append(booleanValue.Value ? "true" : "false");
                break;
            case NullValueNode:
                builder.Append("null");
                break;
            case EnumValueNode enumValue:
                builder.Append("e:").Append(enumValue.Value);
                break;
            case ListValueNode list:
                builder.Append('[');
                for (int i = 0; i < list.Values.Count; i++)
                {
                    if (i > 0) builder.Append(',');
                    AppendCanonical(builder, list.Values[i]);
                }
                builder.Append(']');
                break;
            case ObjectValueNode obj:
                var fields = new List<ObjectFieldNode>(obj.Fields);
                fields.Sort(static (a, b) => string.CompareOrdinal(a.Name.Value, b.Name.Value));
                builder.Append('{');
                for (int i = 0; i < fields.Count; i++)
                {
                    if (i > 0) builder.Append(',');
                    builder.Append(fields[i].Name.Value).Append(':');
                    AppendCanonical(builder, fields[i].Value);
                }
                builder.Append('}');
                break;
        }
    }

    /// <summary>Two types conflict if no value could satisfy both: different list/non-null shape or different leaves.</summary>
    private bool DoTypesConflict(GraphQLType type1, GraphQLType type2)
    {
        if (ReferenceEquals(type1, type2))
            return false;
        SpendBudget(1);
        if (type1 is ListType list1)
            return type2 is not ListType list2 || DoTypesConflict(list1.OfType, list2.OfType);
        if (type2 is ListType)
            return true;
        if (type1 is NonNullType nonNull1)
            return type2 is not NonNullType nonNull2 || DoTypesConflict(nonNull1.OfType, nonNull2.OfType);
        if (type2 is NonNullType)
            return true;
        if (TypeRefs.IsLeafType(type1 as NamedType) || TypeRefs.IsLeafType(type2 as NamedType))
            return !TypeRefs.SameType(type1, type2);
        return false;
    }

    private CollectFieldsResult CollectFields(NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_collectCache.TryGetValue((parentType, selectionSet), out CollectFieldsResult? cached))
            return cached;
        var result = new CollectFieldsResult();
        var fragmentNames = new HashSet<string>(StringComparer.Ordinal);
        CollectFieldsInto(parentType, selectionSet, result, fragmentNames);
        _collectCache[(parentType, selectionSet)] = result;
        return result;
    }

    private CollectFieldsResult CollectFragmentFields(FragmentDefinitionNode fragment) =>
        CollectFields(TypeRefs.FromAst(Context.Schema, fragment.TypeCondition) as NamedType, fragment.SelectionSet);

    private void CollectFieldsInto(NamedType? parentType, SelectionSetNode selectionSet, CollectFieldsResult result, HashSet<string> fragmentNames)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (SelectionNode selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    FieldDefinition? definition = parentType is ObjectType or InterfaceType
                        ? TypeRefs.GetField(parentType, field.Name.Value)
                        : null;
                    string responseName = field.ResponseName;
                    if (!result.Fields.TryGetValue(responseName, out List<FieldDetails>? list))
                    {
                        list = [];
                        result.Fields.Add(responseName, list);
                    }
                    list.Add(new FieldDetails(parentType, field, definition, field.Arguments.Count == 0 && field.SelectionSet is null));
                    break;
                case FragmentSpreadNode spread:
                    if (fragmentNames.Add(spread.Name.Value))
                        result.FragmentNames.Add(spread.Name.Value);
                    break;
                case InlineFragmentNode inline:
                    NamedType? inlineType = inline.TypeCondition is not null
                        ? TypeRefs.FromAst(Context.Schema, inline.TypeCondition) as NamedType
                        : parentType;
                    CollectFieldsInto(inlineType, inline.SelectionSet, result, fragmentNames);
                    break;
            }
        }
    }

    private static Conflict? SubfieldConflicts(List<Conflict> conflicts, string responseName, FieldNode node1, FieldNode node2)
    {
        if (conflicts.Count == 0)
            return null;
        var message = new StringBuilder();
        foreach (Conflict conflict in conflicts)
        {
            if (message.Length > 0)
                message.Append(" and ");
            message.Append("subfields \"").Append(Abbreviate(conflict.ResponseName)).Append("\" conflict because ").Append(conflict.Reason);
            if (message.Length > MaxConflictDetailLength)
                break;
        }
        return new Conflict(
            responseName,
            Abbreviate(message.ToString()),
            CollectConflictNodes(node1, conflicts, first: true),
            CollectConflictNodes(node2, conflicts, first: false));
    }

    private static List<FieldNode> CollectConflictNodes(FieldNode node, List<Conflict> conflicts, bool first)
    {
        var nodes = new List<FieldNode> { node };
        foreach (Conflict conflict in conflicts)
        {
            List<FieldNode> side = first ? conflict.Fields1 : conflict.Fields2;
            int remaining = MaxConflictNodes - nodes.Count;
            // Keep the innermost nodes when there are too many: take from the end.
            int start = Math.Max(0, side.Count - remaining);
            for (int i = start; i < side.Count; i++)
                nodes.Add(side[i]);
            if (nodes.Count == MaxConflictNodes)
                break;
        }
        return nodes;
    }

    private static string Abbreviate(string text) =>
        text.Length > MaxConflictDetailLength ? text[..MaxConflictDetailLength] + "..." : text;

    private void SpendBudget(int cost)
    {
        _remainingBudget -= cost;
        if (_remainingBudget < 0)
            throw new ValidationAbortedException(reportAborted: true);
    }

    private sealed record Conflict(string ResponseName, string Reason, List<FieldNode> Fields1, List<FieldNode> Fields2);

    private sealed record Overlap(string ResponseName, List<FieldDetails> Fields1, List<FieldDetails> Fields2);

    private sealed class CollectFieldsResult
    {
        public OrderedDictionary<string, List<FieldDetails>> Fields { get; } = new(StringComparer.Ordinal);
        public List<string> FragmentNames { get; } = [];
        /// <summary>Fragments already compared with these fields, and whether that comparison was exclusive.</summary>
        public Dictionary<string, bool>? ComparedFragments { get; set; }
        public Dictionary<CollectFieldsResult, List<Overlap>>? OverlappingFields { get; set; }
    }

    private sealed class FieldDetails(NamedType? parentType, FieldNode node, FieldDefinition? definition, bool isSimpleLeaf)
    {
        private FieldInfo? _info;

        public NamedType? ParentType { get; } = parentType;
        public FieldNode Node { get; } = node;
        public FieldDefinition? Definition { get; } = definition;
        public bool IsSimpleLeaf { get; } = isSimpleLeaf;

        public FieldInfo GetInfo() => _info ??= new FieldInfo(TypeRefs.NamedType(Definition?.Type));
    }

    /// <summary>Lazily built per-field data used once a field overlaps another.</summary>
    private sealed class FieldInfo(NamedType? namedType)
    {
        public NamedType? NamedType { get; } = namedType;
        public Dictionary<FieldInfo, string?>? Comparisons { get; set; }
        public string? TypeString { get; set; }
    }

    /// <summary>Pairs of fragment names already compared, remembering whether the comparison was exclusive.</summary>
    private sealed class FragmentPairSet
    {
        private readonly Dictionary<string, Dictionary<string, bool>> _data = new(StringComparer.Ordinal);

        public bool Has(string a, string b, bool areMutuallyExclusive) =>
            HasDirected(a, b, areMutuallyExclusive) || HasDirected(b, a, areMutuallyExclusive);

        // A pair compared non-exclusively also covers an exclusive request; graphql-js's "weakly present".
        private bool HasDirected(string a, string b, bool areMutuallyExclusive)
        {
            if (!_data.TryGetValue(a, out Dictionary<string, bool>? map) || !map.TryGetValue(b, out bool stored))
                return false;
            return areMutuallyExclusive || !stored;
        }

        public void Add(string a, string b, bool areMutuallyExclusive)
        {
            if (!_data.TryGetValue(a, out Dictionary<string, bool>? map))
            {
                map = new Dictionary<string, bool>(StringComparer.Ordinal);
                _data.Add(a, map);
            }
            map[b] = areMutuallyExclusive;
        }
    }

    private sealed class CollectKeyComparer : IEqualityComparer<(NamedType?, SelectionSetNode)>
    {
        public static readonly CollectKeyComparer Instance = new();

        public bool Equals((NamedType?, SelectionSetNode) x, (NamedType?, SelectionSetNode) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((NamedType?, SelectionSetNode) obj) =>
            HashCode.Combine(
                obj.Item1 is null ? 0 : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item1),
                System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
