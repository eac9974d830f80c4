using System.Diagnostics.CodeAnalysis;
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

    /// <summary>
    /// A RADIUS integer attribute (an accounting counter): unsigned 32 bits, 0 when absent. Anything else is a
    /// problem, never a silent 0 or an overflow: the counters become a voucher's usage.
    /// </summary>
    public bool TryUnsigned32(string name, out long value, [NotNullWhen(false)] out string? problem)
    {
        value = 0;
        problem = null;
        var text = this[name];
        if (text is null)
            return true;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= uint.MaxValue)
            return true;
        value = 0;
        problem = $"{name} must be a RADIUS integer (0 to {uint.MaxValue}), not '{Shortened(text)}'.";
        return false;
    }

    private static string Shortened(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Parses a body read by <see cref="Hotspot.Providers.Common.UntrustedJson"/>; null when it is not a JSON object.</summary>
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
