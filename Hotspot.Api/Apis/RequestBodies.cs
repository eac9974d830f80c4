using System.Text.Json;
using Hotspot.Providers.Common;
using Hotspot.Providers.Http;

namespace Hotspot.Api.Apis;

/// <summary>
/// Reads a public route's body once, as raw bytes, refusing more than <see cref="MaxBytes"/> (413). Callbacks need
/// the exact bytes (signatures, storage); the portal routes parse them field by field for precise errors.
/// </summary>
public static class RequestBodies
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>Portal and admin bodies are flat; deeper nesting is only ever an attack.</summary>
    public const int MaxDepth = 16;

    /// <summary>
    /// The body, or a problem: 413 when it is too large, 400 when it holds a NUL byte (never JSON, and PostgreSQL
    /// cannot store it in the text column that keeps a callback's raw body).
    /// </summary>
    public static async Task<(byte[]? Body, IResult? Problem)> ReadAsync(HttpContext context)
    {
        var body = await BoundedBody.ReadAsync(context.Request, MaxBytes, context.RequestAborted);
        if (body is null)
            return (null, TooLarge());
        if (body.AsSpan().Contains((byte)0))
            return (null, BadRequest("The request body has a NUL byte, which JSON does not allow."));
        return (body, null);
    }

    /// <summary>Reads the body (<see cref="ReadAsync"/>) and parses it as a JSON object (<see cref="ParseObject"/>).</summary>
    public static async Task<(JsonElement? Json, IResult? Problem)> ReadObjectAsync(HttpContext context)
    {
        var (body, problem) = await ReadAsync(context);
        return problem is not null ? (null, problem) : ParseObject(body!);
    }

    /// <summary>The body as a JSON object, or a 400 problem that says what is wrong with it.</summary>
    /// <remarks>Read through <see cref="UntrustedJson"/>, so no later read of the object can throw.</remarks>
    public static (JsonElement? Json, IResult? Problem) ParseObject(byte[] body)
    {
        if (body.Length == 0)
            return (null, BadRequest("The request body is empty; send a JSON object."));
        if (!UntrustedJson.TryParse(body, out var document, out var problem, MaxDepth))
            return (null, BadRequest(problem));
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, BadRequest($"The request body must be a JSON object, not {Describe(document.RootElement.ValueKind)}."));
            return (document.RootElement.Clone(), null);
        }
    }

    public static IResult BadRequest(string detail, IDictionary<string, string[]>? errors = null) =>
        errors is null
            ? ApiProblem.Of(400, "VALIDATION", detail, title: "Bad request")
            : TypedResults.ValidationProblem(errors, detail: detail, extensions: new Dictionary<string, object?> { ["code"] = "VALIDATION" });

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static IResult TooLarge() =>
        ApiProblem.Of(413, "PAYLOAD_TOO_LARGE", $"Bodies are limited to {MaxBytes / 1024} KB.", title: "Payload too large");
}
