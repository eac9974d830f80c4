using System.Text.Json;
using Microsoft.AspNetCore.Http;
using static Hotspot.Providers.Simulation.SimulatorRequest;

namespace Hotspot.Providers.KopoKopo.Simulator;

/// <summary>What the simulator's API calls share: the bearer token check, the JSON body, K2's answers (exact bytes, 201 + Location), signing and metadata.</summary>
internal static class KopoKopoSimulatorGuard
{
    internal static IResult Authorized(HttpContext context, KopoKopoSimulatorState state, TimeProvider time, Func<KopoKopoSimulatorState.IssuedToken, IResult> handle) =>
        Authenticate(context, state, time, out var token) is { } refused ? refused : handle(token!);

    internal static async Task<IResult> AuthorizedAsync(
        HttpContext context, KopoKopoSimulatorState state, TimeProvider time, Func<KopoKopoSimulatorState.IssuedToken, Task<IResult>> handle) =>
        Authenticate(context, state, time, out var token) is { } refused ? refused : await handle(token!);

    private static IResult? Authenticate(HttpContext context, KopoKopoSimulatorState state, TimeProvider time, out KopoKopoSimulatorState.IssuedToken? token)
    {
        token = null;
        var header = context.Request.Headers.Authorization.ToString();
        var value = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : null;
        if (value is null || !state.Tokens.TryGetValue(value, out var issued))
        {
            return Json(401, KopoKopoSimulatorPayloads.Error(401, "InvalidAccessToken"));
        }

        if (issued.ExpiresAt <= time.GetUtcNow())
        {
            return Json(401, KopoKopoSimulatorPayloads.Error(401, "ExpiredAccessToken"));
        }

        token = issued;
        return null;
    }

    /// <summary>The JSON object body, or K2's 400 for a body that is not one.</summary>
    internal static async Task<(JsonElement Body, IResult? Refused)> ReadBodyAsync(HttpContext context)
    {
        if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
        {
            return (default, Invalid("The request body is not valid JSON"));
        }

        return (body, null);
    }

    /// <summary>Flat string metadata of at most 5 pairs; null when there are more.</summary>
    internal static Dictionary<string, string>? Metadata(JsonElement body)
    {
        var metadata = new Dictionary<string, string>();
        if (Property(body, "metadata") is { ValueKind: JsonValueKind.Object } value)
        {
            foreach (var pair in value.EnumerateObject())
            {
                metadata[pair.Name] = pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : pair.Value.GetRawText();
            }
        }

        return metadata.Count > 5 ? null : metadata;
    }

    internal static Dictionary<string, string> Signed(string apiKey, byte[] body) =>
        new() { [KopoKopoSignature.HeaderName] = KopoKopoSignature.Compute(apiKey, body) };

    internal static string BaseUrl(HttpContext context, string prefix) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{prefix.TrimEnd('/')}";

    internal static IResult Created(string location) => new RawResult(201, null, location);

    internal static IResult Invalid(string message) => Json(400, KopoKopoSimulatorPayloads.Error(400, message));

    internal static IResult NotFound() => Json(404, KopoKopoSimulatorPayloads.Error(404, "Resource not found"));

    internal static IResult Json(int status, byte[] body) => new RawResult(status, body, null);

    /// <summary>Exact bytes with a status (and a Location for 201 Created), as Kopo Kopo answers.</summary>
    private sealed class RawResult(int status, byte[]? body, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (location is not null)
            {
                httpContext.Response.Headers.Location = location;
            }

            if (body is not null)
            {
                httpContext.Response.ContentType = "application/json";
                await httpContext.Response.Body.WriteAsync(body);
            }
        }
    }
}
