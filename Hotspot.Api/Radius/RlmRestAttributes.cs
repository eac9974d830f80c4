using System.Globalization;
using System.Text.Json;

namespace Hotspot.Api.Radius;

/// <summary>
/// The request attributes rlm_rest posts with <c>body = 'json'</c>:
/// <c>{"User-Name":{"type":"string","value":["ABCD2345"]}, ...}</c>. Only the first value of each is kept.
/// </summary>
public sealed class RlmRestAttributes
{
    private readonly Dictionary<string, string> _values;

    private RlmRestAttributes(Dictionary<string, string> values) => _values = values;

    public string? this[string name] => _values.TryGetValue(name, out var value) ? value : null;

    public long Integer(string name) =>
        long.TryParse(this[name], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : 0;

    /// <summary>Parses the body; null when it is not an rlm_rest JSON object.</summary>
    public static RlmRestAttributes? Parse(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return null;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var attribute in body.EnumerateObject())
        {
            var value = attribute.Value;
            if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty("value", out var inner))
                value = inner;
            if (value.ValueKind == JsonValueKind.Array)
                value = value.GetArrayLength() > 0 ? value[0] : default;
            var text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
            if (text is not null)
                values[attribute.Name] = text;
        }
        return new RlmRestAttributes(values);
    }
}
