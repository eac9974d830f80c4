using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;
using Hotspot.Providers.KopoKopo.Wire;

namespace Hotspot.Providers.KopoKopo;

/// <summary>Reads a result document (callback or <c>GET &lt;Location&gt;</c>), dispatching on <c>data.type</c>.</summary>
public static class KopoKopoResultParser
{
    private static readonly KopoKopoJsonContext Json = KopoKopoJsonContext.Default;

    public static GatewayResult<KopoKopoResult> Parse(ReadOnlySpan<byte> body)
    {
        if (!UntrustedJson.TryParse(body, out var json, out var problem))
        {
            return GatewayErrors.InvalidCallback(problem);
        }

        using var _ = json;
        try
        {
            var document = json.RootElement.Deserialize(Json.KopoKopoResultDocument);
            if (document?.Data is not { Id: { Length: > 0 } id, Type: { Length: > 0 } type, Attributes: { ValueKind: JsonValueKind.Object } attributes })
            {
                return GatewayErrors.InvalidCallback("The result has no data.id, data.type or data.attributes.");
            }

            return type switch
            {
                "incoming_payment" => IncomingPayment(id, attributes),
                "send_money" => SendMoney(id, attributes),
                "payment" => Payment(id, attributes),
                "settlement_transfer" => Settlement(id, attributes),
                "reversal" => Reversal(id, attributes),
                "payment_link" => PaymentLink(id, attributes),
                "polling" => Polling(id, attributes),
                "transaction_sms_notification" => SmsNotification(id, attributes),
                _ => GatewayErrors.InvalidCallback($"Unknown result type '{type}'."),
            };
        }
        catch (JsonException)
        {
            return GatewayErrors.InvalidCallback("The result is not valid JSON of the expected shape.");
        }
    }

    private static GatewayResult<KopoKopoResult> IncomingPayment(string id, JsonElement element)
    {
        var attributes = element.Deserialize(Json.IncomingPaymentAttributes)!;
        if (string.IsNullOrEmpty(attributes.Status))
        {
            return GatewayErrors.InvalidCallback("The incoming payment has no status.");
        }

        var payment = KopoKopoValues.Transaction(attributes.Event?.Resource, out var problem);
        if (problem is not null)
        {
            return GatewayErrors.InvalidCallback(problem);
        }

        if (attributes.Status == "Success" && payment is null)
        {
            return GatewayErrors.InvalidCallback("A successful incoming payment must carry the transaction.");
        }

        return Success(new IncomingPaymentResult(id, attributes.Status, KopoKopoValues.Metadata(attributes.Metadata), attributes.Links?.Self,
            attributes.Links?.CallbackUrl, payment, KopoKopoValues.Errors(attributes.Event?.Errors), KopoKopoValues.Time(attributes.InitiationTime)));
    }

    private static GatewayResult<KopoKopoResult> SendMoney(string id, JsonElement element)
    {
        var attributes = element.Deserialize(Json.SendMoneyAttributes)!;
        var disbursements = KopoKopoValues.Disbursements(attributes.TransferBatches, out var problem);
        if (disbursements is null || string.IsNullOrEmpty(attributes.Status))
        {
            return GatewayErrors.InvalidCallback(problem ?? "The send money result has no status.");
        }

        return Success(new SendMoneyResult(id, attributes.Status, KopoKopoValues.Metadata(attributes.Metadata), attributes.Links?.Self,
            attributes.Links?.CallbackUrl, attributes.Currency ?? "KES", disbursements, KopoKopoValues.Errors(attributes.Errors)));
    }

    private static GatewayResult<KopoKopoResult> Payment(string id, JsonElement element)
    {
        var attributes = element.Deserialize(Json.PaymentAttributes)!;
        var disbursements = KopoKopoValues.Disbursements(attributes.TransferBatches, out var problem);
        return disbursements is null
            ? GatewayErrors.InvalidCallback(problem!)
            : Success(new PaymentResult(id, attributes.Status ?? "", KopoKopoValues.Metadata(attributes.Metadata), attributes.Links?.Self,
                attributes.Links?.CallbackUrl, attributes.Amount?.Value, attributes.Amount?.Currency ?? "KES", disbursements));
    }

    private static GatewayResult<KopoKopoResult> Settlement(string id, JsonElement element)
    {
        var attributes = element.Deserialize(Json.SettlementTransferAttributes)!;
        var disbursements = KopoKopoValues.Disbursements(attributes.TransferBatches, out var problem);
        return disbursements is null
            ? GatewayErrors.InvalidCallback(problem!)
            : Success(new SettlementTransferResult(id, attributes.Status ?? "", attributes.Links?.Self, attributes.Links?.CallbackUrl,
                attributes.Amount?.Value, disbursements));
    }

    private static GatewayResult<KopoKopoResult> Reversal(string id, JsonElement element)
    {
        var attributes = element.Deserialize(Json.ReversalAttributes)!;
        if (!KopoKopoValues.TryAmount(attributes.ReversalBulkPayment?.Amount, out var amount))
        {
            return GatewayErrors.InvalidCallback("The reversed amount is not a whole number of shillings.");
        }

        return Success(new ReversalResult(id, attributes.Status ?? "", KopoKopoValues.Metadata(attributes.Metadata), attributes.Links?.Self,
            attributes.Links?.CallbackUrl, attributes.TransactionReference ?? "", attributes.Reason, amount,
            attributes.ReversalBulkPayment?.TransactionReference, KopoKopoValues.Errors(attributes.Errors)));
    }

    private static GatewayResult<KopoKopoResult> PaymentLink(string id, JsonElement element)
    {
        var attributes = element.Deserialize(Json.PaymentLinkAttributes)!;
        if (!KopoKopoValues.TryAmount(attributes.Amount, out var amount))
        {
            return GatewayErrors.InvalidCallback("The payment link amount is not a whole number of shillings.");
        }

        return Success(new PaymentLinkResult(id, attributes.Status ?? "", KopoKopoValues.Metadata(attributes.Metadata), attributes.Links?.Self,
            attributes.Links?.CallbackUrl, amount, attributes.TillNumber, attributes.PaymentReference, attributes.PaymentLink?.Status,
            attributes.PaymentLink?.TransactionReference, attributes.PaymentLink?.SenderPhoneNumber));
    }

    private static GatewayResult<KopoKopoResult> Polling(string id, JsonElement element)
    {
        var attributes = element.Deserialize(Json.PollingAttributes)!;
        var transactions = new List<KopoKopoTillTransaction>();
        foreach (var polled in attributes.Transactions ?? [])
        {
            var transaction = KopoKopoValues.Transaction(polled?.Resource, out var problem);
            if (transaction is null)
            {
                return GatewayErrors.InvalidCallback(problem ?? "A polled transaction has no resource.");
            }

            transactions.Add(transaction);
        }

        return Success(new PollingResult(id, attributes.Status ?? "", attributes.Links?.Self, attributes.Links?.CallbackUrl, attributes.Scope, transactions));
    }

    private static GatewayResult<KopoKopoResult> SmsNotification(string id, JsonElement element)
    {
        var attributes = element.Deserialize(Json.SmsNotificationAttributes)!;
        return Success(new SmsNotificationResult(id, attributes.Status ?? "", attributes.Links?.Self, attributes.Links?.CallbackUrl,
            attributes.Message, attributes.WebhookEventReference));
    }

    private static GatewayResult<KopoKopoResult> Success(KopoKopoResult result) => GatewayResult<KopoKopoResult>.Success(result);
}
