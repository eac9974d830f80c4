using System.Collections.Concurrent;
using System.Reflection;

namespace Hotspot.GraphQL.Validation;

/// <summary>
/// For a set of rule instances, the rules to call per <see cref="VisitorHook"/>: only those that override it.
/// Which hooks a rule type overrides is found by reflection once per type and cached.
/// </summary>
internal sealed class RuleDispatchTable
{
    private static readonly int s_hookCount = Enum.GetValues<VisitorHook>().Length;
    private static readonly ConcurrentDictionary<Type, bool[]> s_overridesByType = new();

    private readonly ValidationRule[][] _byHook;

    public RuleDispatchTable(IReadOnlyList<ValidationRule> rules)
    {
        var lists = new List<ValidationRule>?[s_hookCount];
        for (int r = 0; r < rules.Count; r++)
        {
            bool[] overrides = s_overridesByType.GetOrAdd(rules[r].GetType(), FindOverrides);
            for (int h = 0; h < s_hookCount; h++)
            {
                if (overrides[h])
                    (lists[h] ??= []).Add(rules[r]);
            }
        }
        _byHook = new ValidationRule[s_hookCount][];
        for (int h = 0; h < s_hookCount; h++)
            _byHook[h] = lists[h]?.ToArray() ?? [];
    }

    public ValidationRule[] this[VisitorHook hook] => _byHook[(int)hook];

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
}
