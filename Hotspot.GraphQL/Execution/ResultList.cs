using System.Text.Json;

namespace Hotspot.GraphQL.Execution;

/// <summary>A list of the response.</summary>
public sealed class ResultList
{
    private readonly ResultValue[] _items;

    internal ResultList(ResultValue[] items) => _items = items;

    public int Count => _items.Length;
    public ResultValue this[int index] => _items[index];

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        foreach (var item in _items) item.WriteTo(writer);
        writer.WriteEndArray();
    }

    public List<object?> ToPlainList()
    {
        var result = new List<object?>(_items.Length);
        foreach (var item in _items) result.Add(item.ToPlainObject());
        return result;
    }
}
