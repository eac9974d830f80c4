using System.Text;
using Hotspot.Providers.Simulation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using static Hotspot.Providers.Daraja.Simulator.DarajaSimulatorGuard;

namespace Hotspot.Providers.Daraja.Simulator;

/// <summary>The simulator's <c>/oauth/v1/generate</c>: client-credentials tokens for the configured apps.</summary>
internal static class DarajaOAuthEndpoint
{
    internal static IResult GenerateToken(HttpContext context, DarajaSimulatorState state, IOptions<DarajaSimulatorOptions> options, TimeProvider time)
    {
        state.CountTokenRequest();
        if (context.Request.Query["grant_type"] != "client_credentials")
        {
            return Error(400, "400.008.02", "Invalid grant type passed");
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal) || !TryDecodeBasic(header[6..], out var key, out var secret))
        {
            return Error(400, "400.008.01", "Invalid Authentication passed");
        }

        var apps = options.Value.Apps;
        if (apps.Count > 0 ? !apps.TryGetValue(key, out var expected) || expected != secret : key.Length == 0 || secret.Length == 0)
        {
            return Error(400, "400.008.01", "Invalid Authentication passed");
        }

        var token = SimulatedIds.Hex(28);
        var lifetime = options.Value.TokenLifetime;
        state.Issue(key, token, time.GetUtcNow() + lifetime, options.Value.InvalidatePreviousToken);

        // The real sandbox has been seen sending expires_in as a string.
        return Results.Json(new { access_token = token, expires_in = ((long)Math.Ceiling(lifetime.TotalSeconds)).ToString() });
    }

    private static bool TryDecodeBasic(string encoded, out string key, out string secret)
    {
        key = secret = "";
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
            var colon = text.IndexOf(':');
            if (colon < 0)
            {
                return false;
            }

            key = text[..colon];
            secret = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
