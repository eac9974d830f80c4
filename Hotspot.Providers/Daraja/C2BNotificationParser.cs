using System.Globalization;
using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;
using Hotspot.Providers.Daraja.Wire;

namespace Hotspot.Providers.Daraja;

/// <summary>Reads C2B validation and confirmation requests (and Kopo Kopo's Daraja-format webhooks).</summary>
public static class C2BNotificationParser
{
    public static GatewayResult<C2BPayment> Parse(ReadOnlySpan<byte> body)
    {
        if (!UntrustedJson.TryParse(body, out var document, out var problem))
        {
            return GatewayErrors.InvalidCallback(problem);
        }

        using var _ = document;
        C2BNotificationWire? wire;
        try
        {
            wire = document.RootElement.Deserialize(DarajaJsonContext.Default.C2BNotificationWire);
        }
        catch (JsonException)
        {
            return GatewayErrors.InvalidCallback("The C2B notification is not valid JSON of the expected shape.");
        }

        if (wire is null || string.IsNullOrWhiteSpace(wire.TransID))
        {
            return GatewayErrors.InvalidCallback("The C2B notification has no TransID.");
        }

        if (!WholeShillings.TryParse(wire.TransAmount, out var amount))
        {
            return GatewayErrors.InvalidCallback("The C2B TransAmount is not a whole number of shillings.");
        }

        DateTimeOffset? time = StkPassword.TryParseTimestamp(wire.TransTime, out var parsed) ? parsed : null;
        decimal? balance = decimal.TryParse(wire.OrgAccountBalance, NumberStyles.Number, CultureInfo.InvariantCulture, out var b) ? b : null;

        return GatewayResult<C2BPayment>.Success(new C2BPayment(
            wire.TransactionType ?? "",
            wire.TransID,
            time,
            amount,
            wire.BusinessShortCode ?? "",
            wire.BillRefNumber ?? "",
            wire.InvoiceNumber ?? "",
            balance,
            wire.ThirdPartyTransID ?? "",
            wire.MSISDN ?? "",
            wire.FirstName ?? "",
            wire.MiddleName ?? "",
            wire.LastName ?? ""));
    }
}
