using System.Diagnostics;
using Hotspot.Api.Observability;
using Hotspot.Api.Payments;
using Hotspot.Domain.Transactions;

namespace Hotspot.Api.Apis;

/// <summary>
/// Daraja's callback routes. Each URL carries the organization's secret token; none contains <c>mpesa</c>,
/// <c>safaricom</c> or <c>query</c>, which Daraja refuses in callback URLs. Callbacks from addresses outside
/// <see cref="DarajaCallbackSources"/> are refused by <see cref="DarajaCallbackSourceFilter"/>.
/// </summary>
public static class DarajaCallbackApi
{
    // Daraja reads these exact, PascalCase shapes (C2B validation wants the code as a string).
    private const string AcceptedBody = """{"ResultCode":0,"ResultDesc":"Accepted"}""";
    private const string ValidationAcceptedBody = """{"ResultCode":"0","ResultDesc":"Accepted"}""";

    public static RouteGroupBuilder MapDarajaCallbackApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/payments/daraja").WithTags("Daraja callbacks").RequireRateLimiting(BillingRateLimits.Callbacks)
            .AddEndpointFilter<RouteGroupBuilder, DarajaCallbackSourceFilter>();
        group.MapPost("/callback/{organizationId:guid}/{callbackToken}", StkResultAsync)
            .WithName("DarajaStkCallback").WithMetadata(new DarajaCallbackRoute(MpesaTransactionKind.StkCallback)).WithSummary("STK push results.");
        group.MapPost("/c2b/{organizationId:guid}/{callbackToken}/validation", C2BValidationAsync)
            .WithName("DarajaC2BValidation").WithMetadata(new DarajaCallbackRoute(MpesaTransactionKind.C2BValidation)).WithSummary("C2B validation: every payment is accepted.");
        group.MapPost("/c2b/{organizationId:guid}/{callbackToken}/confirmation", C2BConfirmationAsync)
            .WithName("DarajaC2BConfirmation").WithMetadata(new DarajaCallbackRoute(MpesaTransactionKind.C2BConfirmation)).WithSummary("C2B confirmation of a payment made to the paybill or till.");
        group.MapPost("/b2c/{organizationId:guid}/{callbackToken}/result", B2CResultAsync)
            .WithName("DarajaB2CResult").WithMetadata(new DarajaCallbackRoute(MpesaTransactionKind.B2CResult)).WithSummary("B2C (refund) result.");
        group.MapPost("/b2c/{organizationId:guid}/{callbackToken}/timeout", B2CTimeoutAsync)
            .WithName("DarajaB2CTimeout").WithMetadata(new DarajaCallbackRoute(MpesaTransactionKind.B2CTimeout)).WithSummary("B2C (refund) queue timeout.");
        return group;
    }

    private static Task<IResult> StkResultAsync(Guid organizationId, string callbackToken, HttpContext context, DarajaCallbacks callbacks,
        HotspotMetrics metrics) =>
        HandleAsync(context, metrics, body => callbacks.ReceiveStkAsync(organizationId, callbackToken, body, context.RequestAborted));

    private static Task<IResult> C2BValidationAsync(Guid organizationId, string callbackToken, HttpContext context, DarajaCallbacks callbacks,
        HotspotMetrics metrics) =>
        HandleAsync(context, metrics, body => callbacks.ReceiveC2BValidationAsync(organizationId, callbackToken, body, context.RequestAborted),
            c2bValidation: true);

    private static Task<IResult> C2BConfirmationAsync(Guid organizationId, string callbackToken, HttpContext context, DarajaCallbacks callbacks,
        HotspotMetrics metrics) =>
        HandleAsync(context, metrics, body => callbacks.ReceiveC2BConfirmationAsync(organizationId, callbackToken, body, context.RequestAborted));

    private static Task<IResult> B2CResultAsync(Guid organizationId, string callbackToken, HttpContext context, DarajaCallbacks callbacks,
        HotspotMetrics metrics) =>
        HandleAsync(context, metrics, body => callbacks.ReceiveB2CAsync(organizationId, callbackToken, body, timeout: false, context.RequestAborted));

    private static Task<IResult> B2CTimeoutAsync(Guid organizationId, string callbackToken, HttpContext context, DarajaCallbacks callbacks,
        HotspotMetrics metrics) =>
        HandleAsync(context, metrics, body => callbacks.ReceiveB2CAsync(organizationId, callbackToken, body, timeout: true, context.RequestAborted));

    private static async Task<IResult> HandleAsync(HttpContext context, HotspotMetrics metrics, Func<byte[], Task<CallbackResult>> receive,
        bool c2bValidation = false)
    {
        var started = Stopwatch.GetTimestamp();
        var (body, tooLarge) = await RequestBodies.ReadAsync(context);
        if (tooLarge is not null)
            return tooLarge;
        var answer = await receive(body!);
        metrics.Record("mpesa", answer, Stopwatch.GetElapsedTime(started));
        return answer switch
        {
            CallbackResult.Accepted or CallbackResult.Settled or CallbackResult.Review or CallbackResult.Duplicate =>
                Json(c2bValidation ? ValidationAcceptedBody : AcceptedBody, 200),
            CallbackResult.Unauthorized => Json("""{"ResultCode":1,"ResultDesc":"Rejected"}""", 401),
            CallbackResult.Malformed => Json("""{"ResultCode":1,"ResultDesc":"Malformed callback"}""", 400),
            _ => Json("""{"ResultCode":1,"ResultDesc":"Unknown organization"}""", 404),
        };
    }

    private static IResult Json(string body, int status) => Results.Text(body, "application/json", System.Text.Encoding.UTF8, status);
}
