using Hotspot.Providers.Http;
using Refit;

namespace Hotspot.Providers.Daraja.Wire;

/// <summary>
/// Daraja's endpoints as Refit sends them. Every method returns the raw <see cref="HttpResponseMessage"/>:
/// Daraja reports some errors with HTTP 200 and some answers with HTTP 500, so <see cref="DarajaClient"/> reads
/// the status and body itself. Routes are relative to <c>baseAddress</c> (see <see cref="ProviderBaseAddressHandler"/>);
/// only methods marked <see cref="SafeToRetryAttribute"/> are ever sent twice.
/// </summary>
public interface IDarajaApi
{
    /// <param name="consumerKeyAndSecret"><c>base64(key:secret)</c>, sent as HTTP Basic.</param>
    [Get("/oauth/v1/generate?grant_type=client_credentials")]
    [SafeToRetry]
    Task<HttpResponseMessage> GenerateTokenAsync(
        [Authorize("Basic")] string consumerKeyAndSecret,
        [Property(ProviderBaseAddressHandler.BaseAddressKey)] Uri baseAddress,
        CancellationToken cancellationToken);

    [Post("/mpesa/stkpush/v1/processrequest")]
    Task<HttpResponseMessage> StkPushAsync(
        [Body] StkPushRequest request,
        [Authorize] string accessToken,
        [Property(ProviderBaseAddressHandler.BaseAddressKey)] Uri baseAddress,
        CancellationToken cancellationToken);

    [Post("/mpesa/stkpushquery/v1/query")]
    [SafeToRetry]
    Task<HttpResponseMessage> QueryStkPushAsync(
        [Body] StkQueryRequest request,
        [Authorize] string accessToken,
        [Property(ProviderBaseAddressHandler.BaseAddressKey)] Uri baseAddress,
        CancellationToken cancellationToken);

    /// <param name="version"><c>v1</c> or <c>v2</c>.</param>
    [Post("/mpesa/c2b/{version}/registerurl")]
    Task<HttpResponseMessage> RegisterC2BUrlsAsync(
        string version,
        [Body] C2BRegisterUrlRequest request,
        [Authorize] string accessToken,
        [Property(ProviderBaseAddressHandler.BaseAddressKey)] Uri baseAddress,
        CancellationToken cancellationToken);

    /// <param name="version"><c>v1</c> or <c>v3</c>.</param>
    [Post("/mpesa/b2c/{version}/paymentrequest")]
    Task<HttpResponseMessage> B2CPaymentAsync(
        string version,
        [Body] B2CPaymentRequest request,
        [Authorize] string accessToken,
        [Property(ProviderBaseAddressHandler.BaseAddressKey)] Uri baseAddress,
        CancellationToken cancellationToken);

    [Post("/mpesa/transactionstatus/v1/query")]
    [SafeToRetry]
    Task<HttpResponseMessage> TransactionStatusAsync(
        [Body] TransactionStatusRequest request,
        [Authorize] string accessToken,
        [Property(ProviderBaseAddressHandler.BaseAddressKey)] Uri baseAddress,
        CancellationToken cancellationToken);
}
