using System.Text.Json;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// An object of the response: values in selection order under response keys that are shared by every map of
/// the same collected selection set, so a map costs one array of values.
/// </summary>
public sealed class ResultMap
{
    private readonly string[] _keys;
    private readonly JsonEncodedText[] _encodedKeys;
    private readonly ResultValue[] _values;
    private readonly int _count;

    internal ResultMap(string[] keys, JsonEncodedText[] encodedKeys, ResultValue[] values, int count)
    {
        _keys = keys;
        _encodedKeys = encodedKeys;
        _values = values;
        _count = count;
    }

    public int Count => _count;
    public string KeyAt(int index) => _keys[index];
    public ResultValue ValueAt(int index) => _values[index];

    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        for (int i = 0; i < _count; i++)
        {
            writer.WritePropertyName(_encodedKeys[i]);
            _values[i].WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    public Dictionary<string, object?> ToDictionary()
    {
        var result = new Dictionary<string, object?>(_count);
        for (int i = 0; i < _count; i++) result[_keys[i]] = _values[i].ToPlainObject();
        return result;
    }
}
