using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// For one run's rule instances, the rules to call per <see cref="VisitorHook"/>: only those that override it.
/// Which hooks a rule type overrides is found by reflection once per type; the per-hook index lists are cached
/// per rule list (<see cref="SpecifiedRules.Executable"/> is one list), so a run allocates nothing for dispatch.
/// </summary>
internal sealed class RuleDispatchTable
{
    private static readonly int s_hookCount = Enum.GetValues<VisitorHook>().Length;
    private static readonly ConcurrentDictionary<Type, bool[]> s_overridesByType = new();
    private static readonly ConditionalWeakTable<object, CachedDispatch> s_byRuleList = new();

    private readonly ValidationRule[] _rules;
    private readonly int[][] _indicesByHook;

    public RuleDispatchTable(object ruleList, ValidationRule[] rules)
    {
        _rules = rules;
        if (s_byRuleList.TryGetValue(ruleList, out CachedDispatch? cached) && cached.Matches(rules))
        {
            _indicesByHook = cached.IndicesByHook;
            return;
        }
        var types = new Type[rules.Length];
        for (int i = 0; i < rules.Length; i++)
            types[i] = rules[i].GetType();
        _indicesByHook = Compute(types);
        s_byRuleList.AddOrUpdate(ruleList, new CachedDispatch(types, _indicesByHook));
    }

    public RuleList this[VisitorHook hook] => new(_rules, _indicesByHook[(int)hook]);

    private static int[][] Compute(Type[] types)
    {
        var result = new int[s_hookCount][];
        var list = new List<int>();
        for (int h = 0; h < s_hookCount; h++)
        {
            list.Clear();
            for (int r = 0; r < types.Length; r++)
            {
                if (s_overridesByType.GetOrAdd(types[r], FindOverrides)[h])
                    list.Add(r);
            }
            result[h] = list.ToArray();
        }
        return result;
    }

    private static bool[] FindOverrides(Type ruleType)
    {
        var result = new bool[s_hookCount];
        foreach (VisitorHook hook in Enum.GetValues<VisitorHook>())
        {
            MethodInfo? method = ruleType.GetMethod(hook.ToString(), BindingFlags.Public | BindingFlags.Instance);
            result[(int)hook] = method is not null && method.DeclaringType != typeof(ValidationRule);
        }
        return result;
    }

    private sealed class CachedDispatch(Type[] types, int[][] indicesByHook)
    {
        public int[][] IndicesByHook { get; } = indicesByHook;

        public bool Matches(ValidationRule[] rules)
        {
            if (rules.Length != types.Length)
                return false;
            for (int i = 0; i < rules.Length; i++)
            {
                if (rules[i].GetType() != types[i])
                    return false;
            }
            return true;
        }
    }

    /// <summary>The rules for one hook; enumerates without allocating.</summary>
    public readonly struct RuleList(ValidationRule[] rules, int[] indices)
    {
        public Enumerator GetEnumerator() => new(rules, indices);

        public struct Enumerator(ValidationRule[] rules, int[] indices)
        {
            private int _position = -1;

            public readonly ValidationRule Current => rules[indices[_position]];

            public bool MoveNext() => ++_position < indices.Length;
        }
    }
}
