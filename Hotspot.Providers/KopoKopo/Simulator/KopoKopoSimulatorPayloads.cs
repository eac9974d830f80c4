using System.Globalization;
using System.Text.Json;

namespace Hotspot.Providers.KopoKopo.Simulator;

/// <summary>Documents the Kopo Kopo simulator returns and posts, in K2's exact shapes.</summary>
internal static class KopoKopoSimulatorPayloads
{
    private static readonly TimeSpan Eat = TimeSpan.FromHours(3);

    public static byte[] IncomingPayment(KopoKopoSimulatorState.SimulatedPayment payment)
    {
        var completion = payment.Completion;
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteString("id", payment.Id);
            writer.WriteString("type", "incoming_payment");
            writer.WriteStartObject("attributes");
            writer.WriteString("initiation_time", Time(payment.InitiatedAt, withMilliseconds: true));
            writer.WriteString("status", completion is null ? "Pending" : completion.Success ? "Success" : "Failed");
            writer.WriteStartObject("event");
            writer.WriteString("type", "Incoming Payment Request");
            if (completion is { Success: true })
            {
                writer.WritePropertyName("resource");
                TransactionResource(writer, completion.ResourceId, completion.Receipt!, payment.Amount, payment.TillNumber, payment.PhoneNumber,
                    payment.FirstName, payment.LastName, completion.At);
            }
            else
            {
                writer.WriteNull("resource");
            }

            if (completion is { Success: false })
            {
                writer.WriteString("errors", completion.Errors);
            }
            else
            {
                writer.WriteNull("errors");
            }

            writer.WriteEndObject();
            Metadata(writer, payment.Metadata);
            Links(writer, payment.CallbackUrl, payment.Self);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    public static byte[] BuygoodsWebhook(string eventId, string baseUrl, KopoKopoSimulatorState.SimulatedPayment payment)
    {
        var completion = payment.Completion!;
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("topic", KopoKopoWebhookEvents.BuygoodsTransactionReceived);
            writer.WriteString("id", eventId);
            writer.WriteString("created_at", Time(completion.At, withMilliseconds: false));
            writer.WriteStartObject("event");
            writer.WriteString("type", "Buygoods Transaction");
            writer.WritePropertyName("resource");
            TransactionResource(writer, completion.ResourceId, completion.Receipt!, payment.Amount, payment.TillNumber, payment.PhoneNumber,
                payment.FirstName, payment.LastName, completion.At);
            writer.WriteEndObject();
            writer.WriteStartObject("_links");
            writer.WriteString("self", $"{baseUrl}/webhook_events/{eventId}");
            writer.WriteString("resource", $"{baseUrl}/financial_transaction/{completion.ResourceId}");
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    public static byte[] SendMoney(KopoKopoSimulatorState.SimulatedPayout payout)
    {
        var completion = payout.Completion;
        var amount = payout.Amount.ToString(CultureInfo.InvariantCulture) + ".0";
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteString("id", payout.Id);
            writer.WriteString("type", "send_money");
            writer.WriteStartObject("attributes");
            writer.WriteString("status", completion is null ? "Scheduled" : completion.Success ? "Processed" : "Failed");
            writer.WriteString("created_at", Time(payout.CreatedAt, withMilliseconds: true));
            writer.WriteString("source_identifier", "");
            writer.WriteStartArray("destinations");
            writer.WriteStartObject();
            writer.WriteString("type", payout.DestinationType);
            writer.WriteNumber("amount", payout.Amount);
            if (payout.PhoneNumber is not null)
            {
                writer.WriteString("network", "Safaricom");
            }

            writer.WriteString("nickname", payout.Nickname);
            writer.WriteBoolean("favourite", false);
            writer.WriteString("description", payout.Description);
            if (payout.PhoneNumber is not null)
            {
                writer.WriteString("phone_number", payout.PhoneNumber);
            }
            else
            {
                writer.WriteString("till_number", payout.TillNumber);
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteString("currency", "KES");
            writer.WriteStartArray("transfer_batches");
            if (completion is not null)
            {
                var status = completion.Success ? "Transferred" : "Failed";
                writer.WriteStartObject();
                writer.WriteString("status", status);
                writer.WriteString("amount", amount);
                writer.WriteStartArray("disbursements");
                writer.WriteStartObject();
                writer.WriteString("amount", amount);
                if (completion.Errors is null)
                {
                    writer.WriteNull("errors");
                }
                else
                {
                    writer.WriteString("errors", completion.Errors);
                }

                writer.WriteString("status", status);
                writer.WriteString("nickname", payout.Nickname);
                writer.WriteBoolean("favourite", false);
                if (payout.PhoneNumber is not null)
                {
                    writer.WriteString("phone_number", payout.PhoneNumber);
                }

                writer.WriteString("destination_type", payout.DestinationType);
                writer.WriteString("origination_time", Time(completion.At, withMilliseconds: true));
                writer.WriteString("destination_reference", completion.DestinationReference);
                if (completion.Reference is null)
                {
                    writer.WriteNull("transaction_reference");
                }
                else
                {
                    writer.WriteString("transaction_reference", completion.Reference);
                }

                writer.WriteEndObject();
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (completion is { Success: false })
            {
                writer.WriteString("errors", completion.Errors);
            }
            else
            {
                writer.WriteNull("errors");
            }

            Metadata(writer, payout.Metadata);
            Links(writer, payout.CallbackUrl, payout.Self);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    public static byte[] Subscription(KopoKopoSimulatorState.Subscription subscription) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        writer.WriteString("id", subscription.Id);
        writer.WriteString("type", "webhook_subscription");
        writer.WriteStartObject("attributes");
        writer.WriteString("event_type", subscription.EventType);
        writer.WriteString("webhook_uri", subscription.Url);
        writer.WriteString("status", "Active");
        writer.WriteString("scope", subscription.Scope);
        writer.WriteString("scope_reference", subscription.ScopeReference);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static byte[] Error(int code, string message) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("error_code", code);
        writer.WriteString("error_message", message);
        writer.WriteEndObject();
    });

    public static byte[] OAuthError(string error, string description) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("error", error);
        writer.WriteString("error_description", description);
        writer.WriteEndObject();
    });

    public static byte[] Token(string token, long expiresIn, DateTimeOffset createdAt) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("access_token", token);
        writer.WriteString("token_type", "Bearer");
        writer.WriteNumber("expires_in", expiresIn);
        writer.WriteNumber("created_at", createdAt.ToUnixTimeSeconds());
        writer.WriteEndObject();
    });

    private static void TransactionResource(
        Utf8JsonWriter writer, string id, string receipt, long amount, string tillNumber, string phone, string? firstName, string? lastName, DateTimeOffset at)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("reference", receipt);
        writer.WriteString("origination_time", Time(at, withMilliseconds: false));
        writer.WriteString("sender_phone_number", phone);
        writer.WriteString("amount", amount.ToString(CultureInfo.InvariantCulture) + ".0");
        writer.WriteString("currency", "KES");
        writer.WriteString("till_number", tillNumber);
        writer.WriteString("system", "Lipa Na M-PESA");
        writer.WriteString("status", "Received");
        writer.WriteString("sender_first_name", firstName ?? "");
        writer.WriteNull("sender_middle_name");
        writer.WriteString("sender_last_name", lastName ?? "");
        writer.WriteEndObject();
    }

    private static void Metadata(Utf8JsonWriter writer, Dictionary<string, string> metadata)
    {
        writer.WriteStartObject("metadata");
        foreach (var (key, value) in metadata)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    private static void Links(Utf8JsonWriter writer, string callbackUrl, string self)
    {
        writer.WriteStartObject("_links");
        writer.WriteString("callback_url", callbackUrl);
        writer.WriteString("self", self);
        writer.WriteEndObject();
    }

    private static string Time(DateTimeOffset at, bool withMilliseconds) =>
        at.ToOffset(Eat).ToString(withMilliseconds ? "yyyy-MM-dd'T'HH:mm:ss.fffzzz" : "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return stream.ToArray();
    }
}
