using System.Text.Json;
using Hotspot.Providers.Http;
using Microsoft.AspNetCore.Http;

namespace Hotspot.Providers.Simulation;

/// <summary>Reads simulator request bodies field by field, so each bad field gets the provider's own error.</summary>
public static class SimulatorRequest
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>The JSON object in the body, or null when the body is not one.</summary>
    public static async Task<JsonElement?> ReadObjectAsync(HttpContext context)
    {
        var body = await BoundedBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
        if (body is null || !System.Text.Unicode.Utf8.IsValid(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsJson(HttpContext context) =>
        context.Request.ContentType is { } type && type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>A string field, or a number field as written; null when missing or of another type.</summary>
    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    public static bool IsDigits(string? value, int minLength = 1, int maxLength = 20) =>
        value is not null && value.Length >= minLength && value.Length <= maxLength && value.All(char.IsAsciiDigit);

    public static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !value!.Contains(' ');

    /// <summary>Whole shillings written as a number or a numeric string, within the range.</summary>
    public static bool TryWholeAmount(JsonElement element, string name, long min, long max, out long amount)
    {
        amount = 0;
        return Property(element, name) is { } value
            && Common.WholeShillings.TryRead(value, out amount)
            && amount >= min && amount <= max;
    }
}
