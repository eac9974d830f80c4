using System.Globalization;
using System.Text.Json;
using Hotspot.Providers.Common;
using Hotspot.Providers.KopoKopo.Wire;

namespace Hotspot.Providers.KopoKopo;

/// <summary>Conversions shared by the Kopo Kopo parsers.</summary>
internal static class KopoKopoValues
{
    public static DateTimeOffset? Time(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    /// <summary>Null stays null; anything else must be whole shillings.</summary>
    public static bool TryAmount(string? text, out long? amount)
    {
        amount = null;
        if (text is null)
        {
            return true;
        }

        if (!WholeShillings.TryParse(text, out var shillings))
        {
            return false;
        }

        amount = shillings;
        return true;
    }

    public static IReadOnlyDictionary<string, string> Metadata(Dictionary<string, JsonElement>? metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata ?? [])
        {
            result[key] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        }

        return result;
    }

    /// <summary><c>errors</c> is a string in every sample; arrays are joined, null and empty stay null.</summary>
    public static string? Errors(JsonElement? errors) => errors switch
    {
        { ValueKind: JsonValueKind.String } e => string.IsNullOrEmpty(e.GetString()) ? null : e.GetString(),
        { ValueKind: JsonValueKind.Array } e when e.GetArrayLength() > 0 =>
            string.Join("; ", e.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : item.GetRawText())),
        { ValueKind: JsonValueKind.Object } e => e.GetRawText(),
        _ => null,
    };

    public static KopoKopoTillTransaction? Transaction(KopoKopoTransactionResource? resource, out string? problem)
    {
        problem = null;
        if (resource is null)
        {
            return null;
        }

        if (string.IsNullOrEmpty(resource.Reference))
        {
            problem = "The transaction has no reference (M-Pesa receipt).";
            return null;
        }

        if (!WholeShillings.TryParse(resource.Amount, out var amount))
        {
            problem = "The transaction amount is not a whole number of shillings.";
            return null;
        }

        return new KopoKopoTillTransaction(
            resource.Id ?? "",
            resource.Reference,
            amount,
            resource.Currency ?? "KES",
            resource.Status ?? "",
            resource.System ?? "",
            resource.TillNumber ?? "",
            resource.SendingTill,
            resource.SenderPhoneNumber,
            resource.HashedSenderPhone,
            resource.SenderFirstName,
            resource.SenderMiddleName,
            resource.SenderLastName,
            Time(resource.OriginationTime));
    }

    /// <summary>The disbursements of all transfer batches; null when one is unreadable, with the problem.</summary>
    public static List<KopoKopoDisbursement>? Disbursements(List<KopoKopoTransferBatchWire>? batches, out string? problem)
    {
        if (batches is not null && batches.Contains(null!))
        {
            problem = "A transfer batch is null.";
            return null;
        }

        return Disbursements(batches?.SelectMany(batch => batch.Disbursements ?? []), out problem);
    }

    public static List<KopoKopoDisbursement>? Disbursements(IEnumerable<KopoKopoDisbursementWire>? disbursements, out string? problem)
    {
        problem = null;
        var result = new List<KopoKopoDisbursement>();
        foreach (var item in disbursements ?? [])
        {
            if (item is null)
            {
                problem = "A disbursement is null.";
                return null;
            }

            if (!TryAmount(item.Amount, out var amount))
            {
                problem = "A disbursement amount is not a whole number of shillings.";
                return null;
            }

            result.Add(new KopoKopoDisbursement(amount, item.Status ?? "", item.DestinationType, item.DestinationReference,
                item.TransactionReference, item.PhoneNumber, Errors(item.Errors)));
        }

        return result;
    }
}
