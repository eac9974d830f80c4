using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.Daraja;

/// <summary>
/// Daraja behind the provider-neutral gateway port. Daraja signs nothing: <see cref="VerifyCallback"/> only
/// reads the payload; authenticity comes from the unguessable per-organization callback URL and from matching
/// a pending purchase (DESIGN.md 8), which the API checks.
/// </summary>
public sealed class DarajaPaymentGateway(DarajaClient client) : IPaymentGateway
{
    public string Provider => "daraja";

    public async Task<GatewayResult<PaymentStarted>> StartPaymentAsync(
        GatewayCredentials credentials, StartPaymentRequest request, CancellationToken cancellationToken)
    {
        if (credentials is not DarajaCredentials daraja)
        {
            return GatewayErrors.WrongCredentials(nameof(DarajaCredentials));
        }

        var result = await client.StkPushAsync(
            daraja,
            new StkPushCommand(request.PhoneNumber, request.AmountShillings, request.AccountReference, request.Description, request.CallbackUrl),
            cancellationToken);
        return result.Map(response => new PaymentStarted(
            new PaymentReference(response.CheckoutRequestID!, response.MerchantRequestID),
            response.CustomerMessage));
    }

    public async Task<GatewayResult<PaymentStatus>> QueryPaymentAsync(
        GatewayCredentials credentials, PaymentReference payment, CancellationToken cancellationToken)
    {
        if (credentials is not DarajaCredentials daraja)
        {
            return GatewayErrors.WrongCredentials(nameof(DarajaCredentials));
        }

        var result = await client.QueryStkPushAsync(daraja, payment.ProviderRequestId, cancellationToken);
        return result.Map(outcome => new PaymentStatus(outcome.State, outcome.FailureReason, outcome.ResultCode, outcome.ResultDescription));
    }

    public GatewayResult<PaymentNotification> VerifyCallback(GatewayCredentials credentials, PaymentCallback callback)
    {
        if (credentials is not DarajaCredentials)
        {
            return GatewayErrors.WrongCredentials(nameof(DarajaCredentials));
        }

        return StkCallbackParser.Parse(callback.RawBody.Span).Map(stk => new PaymentNotification(
            stk.CheckoutRequestId,
            stk.ReceiptNumber ?? stk.CheckoutRequestId,
            StkResultCodes.Status(stk.ResultCode, stk.ResultDescription, stk.ReceiptNumber, stk.AmountShillings, stk.PhoneNumber)));
    }

    public async Task<GatewayResult<WebhooksRegistered>> RegisterWebhooksAsync(
        GatewayCredentials credentials, WebhookRegistration registration, CancellationToken cancellationToken)
    {
        if (credentials is not DarajaCredentials daraja)
        {
            return GatewayErrors.WrongCredentials(nameof(DarajaCredentials));
        }

        var result = await client.RegisterC2BUrlsAsync(
            daraja, registration.NotificationUrl, registration.ValidationUrl ?? registration.NotificationUrl,
            completeWhenValidationUnreachable: true, cancellationToken);
        return result.Map(response => new WebhooksRegistered([response.OriginatorCoversationID ?? daraja.ShortCode]));
    }

    public async Task<GatewayResult<CredentialsVerified>> TestCredentialsAsync(GatewayCredentials credentials, CancellationToken cancellationToken)
    {
        if (credentials is not DarajaCredentials daraja)
        {
            return GatewayErrors.WrongCredentials(nameof(DarajaCredentials));
        }

        var token = await client.GetAccessTokenAsync(daraja, cancellationToken);
        return token.Map(value => new CredentialsVerified(value.ExpiresAt));
    }

    public async Task<GatewayResult<PayoutStarted>> SendMoneyAsync(
        GatewayCredentials credentials, PayoutRequest request, CancellationToken cancellationToken)
    {
        if (credentials is not DarajaCredentials daraja)
        {
            return GatewayErrors.WrongCredentials(nameof(DarajaCredentials));
        }

        var result = await client.B2CPaymentAsync(
            daraja,
            new B2CPaymentCommand(request.IdempotencyKey, request.PhoneNumber, request.AmountShillings, request.Reason, request.ResultUrl, request.ResultUrl),
            cancellationToken);
        return result.Map(response => new PayoutStarted(response.ConversationID ?? request.IdempotencyKey));
    }
}
