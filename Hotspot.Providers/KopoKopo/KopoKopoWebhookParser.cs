using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.KopoKopo.Wire;

namespace Hotspot.Providers.KopoKopo;

/// <summary>
/// Reads a webhook body (verify its signature first, over the same bytes). Dispatches on <c>topic</c>; a body
/// without one but with <c>TransactionType</c> is a v2 Daraja-format payload.
/// </summary>
public static class KopoKopoWebhookParser
{
    private static readonly KopoKopoJsonContext Json = KopoKopoJsonContext.Default;

    public static GatewayResult<KopoKopoWebhook> Parse(ReadOnlySpan<byte> body)
    {
        if (!UntrustedJson.TryParse(body, out var document, out var problem))
        {
            return GatewayErrors.InvalidCallback(problem);
        }

        using (document)
        {
            try
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return GatewayErrors.InvalidCallback("The webhook is not a JSON object.");
                }

                if (!root.TryGetProperty("topic", out _) && root.TryGetProperty("TransactionType", out _))
                {
                    return C2BNotificationParser.Parse(body).Map(payment =>
                        new KopoKopoWebhook("daraja_payload", payment.TransactionId, payment.TransactionTime, payment.TransactionType, null, new KopoKopoDarajaPayload(payment)));
                }

                var envelope = root.Deserialize(Json.WebhookEnvelope);
                if (envelope is null || string.IsNullOrEmpty(envelope.Topic) || string.IsNullOrEmpty(envelope.Id)
                    || envelope.Event?.Resource is not { ValueKind: JsonValueKind.Object } resource)
                {
                    return GatewayErrors.InvalidCallback("The webhook has no topic, id or event resource.");
                }

                var parsed = Resource(envelope.Topic, resource);
                return parsed.Map(value => new KopoKopoWebhook(
                    envelope.Topic, envelope.Id, KopoKopoValues.Time(envelope.CreatedAt), envelope.Event.Type ?? "", envelope.Links?.Resource, value));
            }
            catch (JsonException)
            {
                return GatewayErrors.InvalidCallback("The webhook is not valid JSON of the expected shape.");
            }
        }
    }

    private static GatewayResult<KopoKopoWebhookResource> Resource(string topic, JsonElement resource)
    {
        switch (topic)
        {
            case "buygoods_transaction_received":
            case "buygoods_transaction_reversed":
            case "b2b_transaction_received":
            case "b2b_transaction_reversed":
            {
                var transaction = KopoKopoValues.Transaction(resource.Deserialize(Json.KopoKopoTransactionResource), out var problem);
                return transaction is null ? GatewayErrors.InvalidCallback(problem ?? "The webhook has no transaction.") : Success(transaction);
            }
            case "m2m_transaction_received":
            {
                var m2m = resource.Deserialize(Json.M2MTransactionResource);
                if (m2m is null || !WholeShillings.TryParse(m2m.Amount, out var amount))
                {
                    return GatewayErrors.InvalidCallback("The m2m amount is not a whole number of shillings.");
                }

                return Success(new KopoKopoMerchantTransfer(m2m.Id ?? "", amount, m2m.Currency ?? "KES", m2m.Status ?? "", m2m.SendingMerchant ?? "",
                    KopoKopoValues.Time(m2m.OriginationTime)));
            }
            case "settlement_transfer_completed":
            {
                var settlement = resource.Deserialize(Json.SettlementTransferResource);
                var disbursements = KopoKopoValues.Disbursements(settlement?.Disbursements, out var problem);
                if (settlement is null || disbursements is null || !WholeShillings.TryParse(settlement.Amount, out var amount))
                {
                    return GatewayErrors.InvalidCallback(problem ?? "The settlement amount is not a whole number of shillings.");
                }

                return Success(new KopoKopoSettlement(settlement.Id ?? "", amount, settlement.Currency ?? "KES", settlement.Status ?? "",
                    settlement.Destination?.Type ?? "", disbursements, KopoKopoValues.Time(settlement.OriginationTime)));
            }
            case "customer_created":
            {
                var customer = resource.Deserialize(Json.CustomerCreatedResource);
                return customer?.PhoneNumber is null
                    ? GatewayErrors.InvalidCallback("The customer has no phone number.")
                    : Success(new KopoKopoCustomer(customer.FirstName ?? "", customer.MiddleName ?? "", customer.LastName ?? "", customer.PhoneNumber));
            }
            default:
                return GatewayErrors.InvalidCallback($"Unknown webhook topic '{topic}'.");
        }
    }

    private static GatewayResult<KopoKopoWebhookResource> Success(KopoKopoWebhookResource resource) =>
        GatewayResult<KopoKopoWebhookResource>.Success(resource);
}
