using System.Text.Json;

namespace Hotspot.Api.Apis;

/// <summary>
/// Reads one field of a JSON object body (parsed by <see cref="RequestBodies.ParseObject"/>, so reading cannot throw),
/// adding a sentence that names the field to <paramref name="errors"/> when it is missing or of the wrong type.
/// </summary>
public static class RequestFields
{
    public static Guid RequiredGuid(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            errors[name] = [$"{name} is required."];
        else if (value.ValueKind != JsonValueKind.String)
            errors[name] = [$"{name} must be a string (a UUID), not {RequestBodies.Describe(value.ValueKind)}."];
        else if (!Guid.TryParse(value.GetString(), out var id))
            errors[name] = [$"{name} is not a UUID."];
        else
            return id;
        return Guid.Empty;
    }

    public static string? RequiredString(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            errors[name] = [$"{name} is required."];
        else
            return OptionalString(body, name, errors);
        return null;
    }

    /// <summary>The string, or null when the field is absent or null.</summary>
    public static string? OptionalString(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            return null;
        if (value.ValueKind == JsonValueKind.String)
            return value.GetString();
        errors[name] = [$"{name} must be a string, not {RequestBodies.Describe(value.ValueKind)}."];
        return null;
    }

    /// <summary>A whole number that fits a long; <c>1e3</c> or <c>100.5</c> or a number beyond 2⁶³ is named, not rounded.</summary>
    public static long RequiredWholeNumber(JsonElement body, string name, Dictionary<string, string[]> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            errors[name] = [$"{name} is required."];
        else if (value.ValueKind != JsonValueKind.Number)
            errors[name] = [$"{name} must be a number, not {RequestBodies.Describe(value.ValueKind)}."];
        else if (!value.TryGetInt64(out var number))
            errors[name] = [$"{name} must be a whole number from {long.MinValue} to {long.MaxValue}."];
        else
            return number;
        return 0;
    }
}
