using Hotspot.Providers.Simulation;
using Microsoft.AspNetCore.Http;
using static Hotspot.Providers.KopoKopo.Simulator.KopoKopoSimulatorGuard;

namespace Hotspot.Providers.KopoKopo.Simulator;

/// <summary>The simulator's <c>/oauth/token</c>: client-credentials tokens for the configured applications.</summary>
internal static class KopoKopoOAuthEndpoint
{
    internal static async Task<IResult> Token(HttpContext context, KopoKopoSimulatorState state, KopoKopoSimulatorOptions options, TimeProvider time)
    {
        state.CountTokenRequest();
        if (!context.Request.HasFormContentType)
        {
            return Json(400, KopoKopoSimulatorPayloads.OAuthError("invalid_request", "The request is missing a required parameter."));
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (InvalidDataException)
        {
            return Json(400, KopoKopoSimulatorPayloads.OAuthError("invalid_request", "The request body could not be read."));
        }

        if (form["grant_type"] != "client_credentials")
        {
            return Json(400, KopoKopoSimulatorPayloads.OAuthError("unsupported_grant_type", "The authorization grant type is not supported by the authorization server."));
        }

        var clientId = form["client_id"].ToString();
        var secret = form["client_secret"].ToString();
        string? apiKey;
        if (options.Applications.Count > 0)
        {
            apiKey = options.Applications.FirstOrDefault(a => a.ClientId == clientId && a.ClientSecret == secret)?.ApiKey;
        }
        else
        {
            apiKey = clientId.Length > 0 && secret.Length > 0 ? options.DefaultApiKey : null;
        }

        if (apiKey is null)
        {
            return Json(401, KopoKopoSimulatorPayloads.OAuthError("invalid_client",
                "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."));
        }

        var token = SimulatedIds.Hex(43);
        var now = time.GetUtcNow();
        state.Tokens[token] = new KopoKopoSimulatorState.IssuedToken(clientId, apiKey, now + options.TokenLifetime);
        return Json(200, KopoKopoSimulatorPayloads.Token(token, (long)Math.Ceiling(options.TokenLifetime.TotalSeconds), now));
    }
}
