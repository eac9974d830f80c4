using System.Globalization;
using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;
using Hotspot.Providers.Daraja.Wire;

namespace Hotspot.Providers.Daraja;

/// <summary>
/// Reads the STK callback Daraja posts to our CallBackURL. Items are found by <c>Name</c> (their order varies),
/// <c>Balance</c> may have no <c>Value</c>, <c>Amount</c> may be <c>1</c> or <c>1.00</c> but must be whole
/// shillings, and <c>TransactionDate</c> is a number. Malformed input gives an error, never an exception.
/// </summary>
public static class StkCallbackParser
{
    public static GatewayResult<StkCallback> Parse(ReadOnlySpan<byte> body)
    {
        if (!UntrustedJson.TryParse(body, out var document, out var problem))
        {
            return GatewayErrors.InvalidCallback(problem);
        }

        using var _ = document;
        StkCallbackEnvelope? envelope;
        try
        {
            envelope = document.RootElement.Deserialize(DarajaJsonContext.Default.StkCallbackEnvelope);
        }
        catch (JsonException)
        {
            return GatewayErrors.InvalidCallback("The STK callback is not valid JSON of the expected shape.");
        }

        var wire = envelope?.Body?.StkCallback;
        if (wire is null || string.IsNullOrEmpty(wire.CheckoutRequestID) || string.IsNullOrEmpty(wire.ResultCode))
        {
            return GatewayErrors.InvalidCallback("The STK callback has no Body.stkCallback with a CheckoutRequestID and a ResultCode.");
        }

        var items = wire.CallbackMetadata?.Item ?? [];
        if (items.Contains(null!))
        {
            return GatewayErrors.InvalidCallback("The STK callback has a null CallbackMetadata item.");
        }

        long? amount = null;
        if (Find(items, "Amount") is { } amountValue)
        {
            if (!WholeShillings.TryRead(amountValue, out var shillings))
            {
                return GatewayErrors.InvalidCallback("The STK callback Amount is not a whole number of shillings.");
            }

            amount = shillings;
        }

        var receipt = Text(Find(items, "MpesaReceiptNumber"));
        var phone = Text(Find(items, "PhoneNumber"));
        DateTimeOffset? date = StkPassword.TryParseTimestamp(Text(Find(items, "TransactionDate")), out var parsedDate) ? parsedDate : null;
        decimal? balance = Find(items, "Balance") is { } balanceValue && TryDecimal(balanceValue, out var b) ? b : null;

        if (wire.ResultCode == StkResultCodes.Success && (amount is null || string.IsNullOrEmpty(receipt)))
        {
            return GatewayErrors.InvalidCallback("A successful STK callback must carry Amount and MpesaReceiptNumber.");
        }

        return GatewayResult<StkCallback>.Success(new StkCallback(
            wire.MerchantRequestID ?? "",
            wire.CheckoutRequestID,
            wire.ResultCode,
            ResultDescriptions.WithoutPrefix(wire.ResultDesc),
            amount,
            receipt,
            date,
            phone,
            balance));
    }

    private static JsonElement? Find(List<StkCallbackItem> items, string name)
    {
        foreach (var item in items)
        {
            if (string.Equals(item.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return item.Value is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } value ? value : null;
            }
        }

        return null;
    }

    private static string? Text(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { ValueKind: JsonValueKind.Number } v => v.GetRawText(),
        _ => null,
    };

    private static bool TryDecimal(JsonElement value, out decimal result)
    {
        result = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out result),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out result),
            _ => false,
        };
    }
}
