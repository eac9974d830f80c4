using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Validation;

/// <summary>Groups nodes by name, keeping first-seen order (graphql-js's <c>groupBy</c>); used for uniqueness rules.</summary>
internal static class NameGroups
{
    public static List<(string Name, List<NameNode> Nodes)> Group<T>(IReadOnlyList<T> items, Func<T, NameNode> nameOf)
    {
        var groups = new List<(string, List<NameNode>)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            NameNode name = nameOf(items[i]);
            if (index.TryGetValue(name.Value, out int at))
            {
                groups[at].Item2.Add(name);
            }
            else
            {
                index.Add(name.Value, groups.Count);
                groups.Add((name.Value, [name]));
            }
        }
        return groups;
    }
}
