using System.Diagnostics;

namespace Hotspot.Api.Observability;

/// <summary>
/// Times every call to Daraja and Kopo Kopo (<c>hotspot_provider_requests_total</c>,
/// <c>hotspot_provider_request_seconds</c>), named by a fixed table of the providers' paths so the labels stay a
/// small set. Sits in every HttpClient's pipeline; requests to anything else pass uncounted.
/// </summary>
public sealed class ProviderRequestMetricsHandler(HotspotMetrics metrics) : DelegatingHandler
{
    private static readonly (string PathPart, string Provider, string Operation)[] Operations =
    [
        ("oauth/v1/generate", "daraja", "oauth"),
        ("mpesa/stkpushquery/", "daraja", "stk_query"),
        ("mpesa/stkpush/", "daraja", "stk_push"),
        ("mpesa/c2b/", "daraja", "c2b_register"),
        ("mpesa/b2c/", "daraja", "b2c"),
        ("mpesa/transactionstatus/", "daraja", "transaction_status"),
        ("oauth/token", "kopokopo", "oauth"),
        ("api/v1/incoming_payments", "kopokopo", "incoming_payment"),
        ("api/v1/webhook_subscriptions", "kopokopo", "webhook_subscription"),
        ("api/v2/send_money", "kopokopo", "send_money"),
        ("api/v1/pay_recipients", "kopokopo", "pay_recipient"),
        ("api/v1/payments", "kopokopo", "pay"),
    ];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        var match = Array.Find(Operations, o => path.Contains(o.PathPart, StringComparison.OrdinalIgnoreCase));
        if (match.Provider is null)
            return await base.SendAsync(request, cancellationToken);

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            metrics.ProviderRequest(match.Provider, match.Operation, $"{(int)response.StatusCode / 100}xx", Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            metrics.ProviderRequest(match.Provider, match.Operation, "network_error", Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
