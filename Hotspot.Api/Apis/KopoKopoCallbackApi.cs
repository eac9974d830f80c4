using System.Diagnostics;
using Hotspot.Api.Observability;
using Hotspot.Api.Payments;
using Hotspot.Providers.KopoKopo;

namespace Hotspot.Api.Apis;

/// <summary>Kopo Kopo's webhook and result routes, one per callback type; every message must carry a valid signature.</summary>
public static class KopoKopoCallbackApi
{
    public static RouteHandlerBuilder MapKopoKopoCallbackApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/payments/kopokopo/callback/{organizationId:guid}/{callbackType}", HandleAsync)
            .WithTags("Kopo Kopo callbacks")
            .WithName("KopoKopoCallback")
            .WithSummary("Webhooks (buygoods, b2b, settlement, customer), incoming payment results (incoming-payment) and send money results (send-money), signed with X-KopoKopo-Signature.")
            .RequireRateLimiting(BillingRateLimits.Callbacks);

    private static async Task<IResult> HandleAsync(Guid organizationId, string callbackType, HttpContext context, KopoKopoCallbacks callbacks,
        HotspotMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        var (body, tooLarge) = await RequestBodies.ReadAsync(context);
        if (tooLarge is not null)
            return tooLarge;
        var signature = context.Request.Headers[KopoKopoSignature.HeaderName].ToString();
        var answer = await callbacks.ReceiveAsync(organizationId, callbackType, body!, string.IsNullOrEmpty(signature) ? null : signature, context.RequestAborted);
        metrics.Record("kopokopo", answer, Stopwatch.GetElapsedTime(started));
        return answer switch
        {
            CallbackResult.Accepted or CallbackResult.Settled or CallbackResult.Review or CallbackResult.Duplicate => Results.Json(new { status = "received" }),
            CallbackResult.Unauthorized => ApiProblem.Of(401, "INVALID_SIGNATURE", "The X-KopoKopo-Signature is missing or wrong."),
            CallbackResult.Malformed => ApiProblem.Of(400, "MALFORMED_CALLBACK", "The body is not a Kopo Kopo webhook or result."),
            _ => ApiProblem.Of(404, "NOT_FOUND", "Unknown organization or callback type."),
        };
    }
}
