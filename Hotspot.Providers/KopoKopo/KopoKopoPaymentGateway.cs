using System.Text.Json;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.KopoKopo;

/// <summary>Kopo Kopo behind the provider-neutral gateway port.</summary>
public sealed class KopoKopoPaymentGateway(KopoKopoClient client) : IPaymentGateway
{
    public string Provider => "kopokopo";

    public async Task<GatewayResult<PaymentStarted>> StartPaymentAsync(
        GatewayCredentials credentials, StartPaymentRequest request, CancellationToken cancellationToken)
    {
        if (credentials is not KopoKopoCredentials kopoKopo)
        {
            return GatewayErrors.WrongCredentials(nameof(KopoKopoCredentials));
        }

        // Our reference travels in the metadata, which Kopo Kopo echoes back in the result.
        var metadata = new Dictionary<string, string>(request.Metadata ?? new Dictionary<string, string>());
        if (metadata.Count < 5)
        {
            metadata.TryAdd("reference", request.AccountReference);
        }

        if (metadata.Count < 5)
        {
            metadata.TryAdd("notes", request.Description);
        }

        var result = await client.RequestIncomingPaymentAsync(
            kopoKopo, new IncomingPaymentCommand(request.PhoneNumber, request.AmountShillings, request.CallbackUrl, metadata), cancellationToken);
        return result.Map(location => new PaymentStarted(new PaymentReference(IdOf(location), null, location), null));
    }

    public async Task<GatewayResult<PaymentStatus>> QueryPaymentAsync(
        GatewayCredentials credentials, PaymentReference payment, CancellationToken cancellationToken)
    {
        if (credentials is not KopoKopoCredentials kopoKopo)
        {
            return GatewayErrors.WrongCredentials(nameof(KopoKopoCredentials));
        }

        if (payment.StatusLocation is null)
        {
            return GatewayErrors.InvalidRequest("A Kopo Kopo payment is queried by its Location.");
        }

        var result = await client.GetIncomingPaymentAsync(kopoKopo, payment.StatusLocation, cancellationToken);
        return result.Map(Status);
    }

    public GatewayResult<PaymentNotification> VerifyCallback(GatewayCredentials credentials, PaymentCallback callback)
    {
        if (credentials is not KopoKopoCredentials kopoKopo)
        {
            return GatewayErrors.WrongCredentials(nameof(KopoKopoCredentials));
        }

        var body = callback.RawBody.Span;
        if (!KopoKopoSignature.Verify(kopoKopo.ApiKey, body, callback.Header(KopoKopoSignature.HeaderName)))
        {
            return GatewayErrors.InvalidCallback("The X-KopoKopo-Signature is missing or wrong.");
        }

        return IsWebhook(body) ? FromWebhook(body) : FromResult(body);
    }

    public async Task<GatewayResult<WebhooksRegistered>> RegisterWebhooksAsync(
        GatewayCredentials credentials, WebhookRegistration registration, CancellationToken cancellationToken)
    {
        if (credentials is not KopoKopoCredentials kopoKopo)
        {
            return GatewayErrors.WrongCredentials(nameof(KopoKopoCredentials));
        }

        var locations = new List<string>();
        foreach (var eventType in KopoKopoWebhookEvents.All)
        {
            var subscribed = await client.SubscribeWebhookAsync(kopoKopo, eventType, registration.NotificationUrl, kopoKopo.WebhookTillNumber, cancellationToken);
            if (!subscribed.IsSuccess)
            {
                return subscribed.Error!;
            }

            locations.Add(subscribed.Value.AbsoluteUri);
        }

        return GatewayResult<WebhooksRegistered>.Success(new WebhooksRegistered(locations));
    }

    public async Task<GatewayResult<CredentialsVerified>> TestCredentialsAsync(GatewayCredentials credentials, CancellationToken cancellationToken)
    {
        if (credentials is not KopoKopoCredentials kopoKopo)
        {
            return GatewayErrors.WrongCredentials(nameof(KopoKopoCredentials));
        }

        var token = await client.GetAccessTokenAsync(kopoKopo, cancellationToken);
        return token.Map(value => new CredentialsVerified(value.ExpiresAt));
    }

    public async Task<GatewayResult<PayoutStarted>> SendMoneyAsync(
        GatewayCredentials credentials, PayoutRequest request, CancellationToken cancellationToken)
    {
        if (credentials is not KopoKopoCredentials kopoKopo)
        {
            return GatewayErrors.WrongCredentials(nameof(KopoKopoCredentials));
        }

        var result = await client.SendMoneyAsync(kopoKopo, new SendMoneyCommand(
            request.AmountShillings, request.Reason, request.ResultUrl, PhoneNumber: request.PhoneNumber,
            Metadata: new Dictionary<string, string> { ["reference"] = request.IdempotencyKey }), cancellationToken);
        return result.Map(location => new PayoutStarted(IdOf(location), location));
    }

    private static PaymentStatus Status(IncomingPaymentResult result) => new(
        result.State,
        result.FailureReason,
        result.Status,
        result.Errors,
        result.Payment?.Reference,
        result.Payment?.AmountShillings,
        result.Payment?.SenderPhoneNumber?.TrimStart('+'),
        result.Payment?.Currency ?? Currencies.Kes);

    private static GatewayResult<PaymentNotification> FromResult(ReadOnlySpan<byte> body)
    {
        var parsed = KopoKopoResultParser.Parse(body);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        return parsed.Value switch
        {
            IncomingPaymentResult payment => GatewayResult<PaymentNotification>.Success(new PaymentNotification(payment.Id, payment.Id, Status(payment))),
            SendMoneyResult sent => GatewayResult<PaymentNotification>.Success(new PaymentNotification(sent.Id, sent.Id, new PaymentStatus(
                sent.State, sent.State == PaymentState.Failed ? KopoKopoFailureReasons.FromMessage(sent.Errors) : PaymentFailureReason.None,
                sent.Status, sent.Errors, sent.Disbursements.FirstOrDefault()?.TransactionReference,
                sent.Disbursements.FirstOrDefault()?.AmountShillings, sent.Disbursements.FirstOrDefault()?.PhoneNumber))),
            var other => GatewayErrors.NotSupported($"A {other.Type} result is not about a payment."),
        };
    }

    private static GatewayResult<PaymentNotification> FromWebhook(ReadOnlySpan<byte> body)
    {
        var parsed = KopoKopoWebhookParser.Parse(body);
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var webhook = parsed.Value;
        return webhook.Resource switch
        {
            KopoKopoTillTransaction transaction => GatewayResult<PaymentNotification>.Success(new PaymentNotification(null, webhook.EventId, new PaymentStatus(
                webhook.Topic.EndsWith("_reversed", StringComparison.Ordinal) ? PaymentState.Failed : PaymentState.Succeeded,
                webhook.Topic.EndsWith("_reversed", StringComparison.Ordinal) ? PaymentFailureReason.Other : PaymentFailureReason.None,
                transaction.Status, webhook.Topic, transaction.Reference, transaction.AmountShillings, transaction.SenderPhoneNumber?.TrimStart('+'),
                transaction.Currency))),
            KopoKopoDarajaPayload daraja => GatewayResult<PaymentNotification>.Success(new PaymentNotification(null, webhook.EventId, new PaymentStatus(
                PaymentState.Succeeded, PaymentFailureReason.None, "0", daraja.Payment.TransactionType, daraja.Payment.TransactionId,
                daraja.Payment.AmountShillings, null))),
            KopoKopoMerchantTransfer m2m => GatewayResult<PaymentNotification>.Success(new PaymentNotification(null, webhook.EventId, new PaymentStatus(
                PaymentState.Succeeded, PaymentFailureReason.None, m2m.Status, webhook.Topic, null, m2m.AmountShillings, null, m2m.Currency))),
            _ => GatewayErrors.NotSupported($"A {webhook.Topic} webhook is not about a payment."),
        };
    }

    private static bool IsWebhook(ReadOnlySpan<byte> body)
    {
        if (!UntrustedJson.TryParse(body, out var document, out _))
        {
            return false;
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                && (document.RootElement.TryGetProperty("topic", out _) || document.RootElement.TryGetProperty("TransactionType", out _));
        }
    }

    private static string IdOf(Uri location) => location.Segments[^1].TrimEnd('/');
}
