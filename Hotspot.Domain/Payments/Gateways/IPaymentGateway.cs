namespace Hotspot.Domain.Payments.Gateways;

/// <summary>
/// What a payment provider does for an organization, whatever the provider (DESIGN.md 5). Each adapter accepts
/// only its own kind of <see cref="GatewayCredentials"/>; a new provider is one more adapter and one more
/// credentials record. Provider failures come back as <see cref="GatewayError"/>s, never as exceptions.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Stable provider name, e.g. <c>daraja</c> or <c>kopokopo</c>.</summary>
    string Provider { get; }

    /// <summary>Asks the customer's phone to approve a payment (an STK push). Never retried blindly.</summary>
    Task<GatewayResult<PaymentStarted>> StartPaymentAsync(
        GatewayCredentials credentials, StartPaymentRequest request, CancellationToken cancellationToken);

    /// <summary>Asks the provider where a started payment stands (for lost or late callbacks).</summary>
    Task<GatewayResult<PaymentStatus>> QueryPaymentAsync(
        GatewayCredentials credentials, PaymentReference payment, CancellationToken cancellationToken);

    /// <summary>Checks that a callback really comes from the provider and reads it.</summary>
    GatewayResult<PaymentNotification> VerifyCallback(GatewayCredentials credentials, PaymentCallback callback);

    /// <summary>Tells the provider where to send notifications of payments made to the organization.</summary>
    Task<GatewayResult<WebhooksRegistered>> RegisterWebhooksAsync(
        GatewayCredentials credentials, WebhookRegistration registration, CancellationToken cancellationToken);

    /// <summary>Checks that the credentials are accepted by the provider (obtains a token).</summary>
    Task<GatewayResult<CredentialsVerified>> TestCredentialsAsync(
        GatewayCredentials credentials, CancellationToken cancellationToken);

    /// <summary>Sends money to a phone, e.g. to refund a customer.</summary>
    Task<GatewayResult<PayoutStarted>> SendMoneyAsync(
        GatewayCredentials credentials, PayoutRequest request, CancellationToken cancellationToken);
}
