using Hotspot.Providers.Http;
using Refit;

namespace Hotspot.Providers.KopoKopo.Wire;

/// <summary>
/// Kopo Kopo K2 Connect as Refit sends it. Every method returns the raw <see cref="HttpResponseMessage"/>:
/// <see cref="KopoKopoClient"/> maps errors from the status and body and reads the <c>Location</c> of accepted
/// requests. Routes are relative to <c>baseAddress</c> (see <see cref="ProviderBaseAddressHandler"/>); only methods
/// marked <see cref="SafeToRetryAttribute"/> are ever sent twice.
/// </summary>
public interface IKopoKopoApi
{
    [Post("/oauth/token")]
    [Headers("Accept: application/json")]
    [SafeToRetry]
    Task<HttpResponseMessage> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] KopoKopoTokenRequest request,
        [Property(ProviderBaseAddressHandler.BaseAddressKey)] Uri baseAddress,
        CancellationToken cancellationToken);

    /// <param name="version">The configured API version, e.g. <c>v1</c>.</param>
    [Post("/api/{version}/webhook_subscriptions")]
    [Headers("Accept: application/json", "User-Agent: Hotspot/1.0")]
    Task<HttpResponseMessage> SubscribeWebhookAsync(
        string version,
        [Body] WebhookSubscriptionRequest request,
        [Authorize] string accessToken,
        [Property(ProviderBaseAddressHandler.BaseAddressKey)] Uri baseAddress,
        CancellationToken cancellationToken);

    /// <param name="version">The configured API version, e.g. <c>v1</c>.</param>
    [Post("/api/{version}/incoming_payments")]
    [Headers("Accept: application/json", "User-Agent: Hotspot/1.0")]
    Task<HttpResponseMessage> RequestIncomingPaymentAsync(
        string version,
        [Body] IncomingPaymentRequest request,
        [Authorize] string accessToken,
        [Property(ProviderBaseAddressHandler.BaseAddressKey)] Uri baseAddress,
        CancellationToken cancellationToken);

    /// <summary>Send money exists only in v2 (it replaced v1 PAY recipients and payments).</summary>
    [Post("/api/v2/send_money")]
    [Headers("Accept: application/json", "User-Agent: Hotspot/1.0")]
    Task<HttpResponseMessage> SendMoneyAsync(
        [Body] SendMoneyRequest request,
        [Authorize] string accessToken,
        [Property(ProviderBaseAddressHandler.BaseAddressKey)] Uri baseAddress,
        CancellationToken cancellationToken);

    /// <summary>Any result by the <c>Location</c> Kopo Kopo answered with; the facade checks its host first.</summary>
    [Get("")]
    [Headers("Accept: application/json", "User-Agent: Hotspot/1.0")]
    [SafeToRetry]
    Task<HttpResponseMessage> GetResultAsync(
        [Url] Uri location,
        [Authorize] string accessToken,
        CancellationToken cancellationToken);
}
