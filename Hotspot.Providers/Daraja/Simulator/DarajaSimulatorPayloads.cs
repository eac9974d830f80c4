using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hotspot.Providers.Daraja.Simulator;

/// <summary>The bodies the Daraja simulator posts, written as Daraja writes them (numbers as numbers, <c>1.00</c>).</summary>
internal static class DarajaSimulatorPayloads
{
    private static readonly TimeSpan Eat = TimeSpan.FromHours(3);

    public static byte[] StkCallback(DarajaSimulatorState.SimulatedCheckout checkout, DarajaSimulatorState.Completion completion)
    {
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Body");
            writer.WriteStartObject("stkCallback");
            writer.WriteString("MerchantRequestID", checkout.MerchantRequestId);
            writer.WriteString("CheckoutRequestID", checkout.CheckoutRequestId);
            writer.WriteNumber("ResultCode", completion.ResultCode);
            writer.WriteString("ResultDesc", completion.ResultDesc);
            if (completion.ResultCode == 0)
            {
                writer.WriteStartObject("CallbackMetadata");
                writer.WriteStartArray("Item");
                Item(writer, "Amount", w => w.WriteRawValue(checkout.Amount.ToString(CultureInfo.InvariantCulture) + ".00"));
                Item(writer, "MpesaReceiptNumber", w => w.WriteStringValue(completion.Receipt));
                Item(writer, "Balance", null); // real callbacks often carry Balance without a Value
                Item(writer, "TransactionDate", w => w.WriteRawValue(Timestamp(completion.CompletedAt)));
                Item(writer, "PhoneNumber", w => w.WriteRawValue(checkout.PhoneNumber));
                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    public static byte[] Result(
        int resultCode, string resultDesc, string originatorConversationId, string conversationId, string transactionId,
        IReadOnlyList<(string Key, object Value)>? parameters, string queueTimeoutUrl)
    {
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("Result");
            writer.WriteNumber("ResultType", 0);
            writer.WriteNumber("ResultCode", resultCode);
            writer.WriteString("ResultDesc", resultDesc);
            writer.WriteString("OriginatorConversationID", originatorConversationId);
            writer.WriteString("ConversationID", conversationId);
            writer.WriteString("TransactionID", transactionId);
            if (parameters is { Count: > 0 })
            {
                writer.WriteStartObject("ResultParameters");
                writer.WriteStartArray("ResultParameter");
                foreach (var (key, value) in parameters)
                {
                    writer.WriteStartObject();
                    writer.WriteString("Key", key);
                    writer.WritePropertyName("Value");
                    switch (value)
                    {
                        case string text:
                            writer.WriteStringValue(text);
                            break;
                        case long number:
                            writer.WriteNumberValue(number);
                            break;
                        case decimal number:
                            writer.WriteRawValue(number.ToString("0.00", CultureInfo.InvariantCulture));
                            break;
                        default:
                            writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                            break;
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteStartObject("ReferenceData");
            writer.WriteStartObject("ReferenceItem");
            writer.WriteString("Key", "QueueTimeoutURL");
            writer.WriteString("Value", queueTimeoutUrl);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <param name="version">v1 sends a SHA-256 of the MSISDN, v2 a masked MSISDN.</param>
    public static byte[] C2BNotification(
        string commandId, string transId, DateTimeOffset at, long amount, string shortCode, string billRef, string msisdn,
        string version, decimal? orgBalance)
    {
        var shownMsisdn = version == "v1"
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(msisdn)))
            : $"{msisdn[..4]} ***** {msisdn[^3..]}";
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("TransactionType", commandId == "CustomerBuyGoodsOnline" ? "Buy Goods" : "Pay Bill");
            writer.WriteString("TransID", transId);
            writer.WriteString("TransTime", Timestamp(at));
            writer.WriteString("TransAmount", amount.ToString(CultureInfo.InvariantCulture) + ".00");
            writer.WriteString("BusinessShortCode", shortCode);
            writer.WriteString("BillRefNumber", billRef);
            writer.WriteString("InvoiceNumber", "");
            writer.WriteString("OrgAccountBalance", orgBalance?.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
            writer.WriteString("ThirdPartyTransID", "");
            writer.WriteString("MSISDN", shownMsisdn);
            writer.WriteString("FirstName", "SANDBOX");
            writer.WriteString("MiddleName", "");
            writer.WriteString("LastName", "CUSTOMER");
            writer.WriteEndObject();
        });
    }

    public static string Timestamp(DateTimeOffset at) => at.ToOffset(Eat).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    private static void Item(Utf8JsonWriter writer, string name, Action<Utf8JsonWriter>? value)
    {
        writer.WriteStartObject();
        writer.WriteString("Name", name);
        if (value is not null)
        {
            writer.WritePropertyName("Value");
            value(writer);
        }

        writer.WriteEndObject();
    }

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
