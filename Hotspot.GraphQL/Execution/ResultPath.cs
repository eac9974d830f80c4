namespace Hotspot.GraphQL.Execution;

/// <summary>
/// A response position as a linked list from the leaf up (graphql-js's <c>Path</c>). Made only for positions
/// that have children (objects and list items); a leaf's path is built from its parent only when an error needs it.
/// </summary>
internal sealed class ResultPath
{
    public ResultPath(ResultPath? parent, string? key, int index)
    {
        Parent = parent;
        Key = key;
        Index = index;
    }

    public ResultPath? Parent { get; }
    /// <summary>The response key; null for a list index.</summary>
    public string? Key { get; }
    public int Index { get; }

    public static ResultPath Field(ResultPath? parent, string key) => new(parent, key, -1);
    public static ResultPath Item(ResultPath? parent, int index) => new(parent, null, index);

    /// <summary>The path as a list of keys (strings) and indices (ints), root first.</summary>
    public static IReadOnlyList<object> ToList(ResultPath? parent, string? leafKey)
    {
        int depth = leafKey is null ? 0 : 1;
        for (var p = parent; p is not null; p = p.Parent) depth++;
        var result = new object[depth];
        int i = depth - 1;
        if (leafKey is not null) result[i--] = leafKey;
        for (var p = parent; p is not null; p = p.Parent) result[i--] = p.Key ?? (object)p.Index;
        return result;
    }
}
