using System.Globalization;
using System.Text.Json;

namespace Hotspot.Providers.Common;

/// <summary>
/// Providers write amounts as <c>1</c>, <c>1.00</c>, <c>"100.0"</c> or <c>115.0</c>. We keep money as whole
/// shillings in a <see cref="long"/>; an amount with a fractional part is refused rather than rounded.
/// </summary>
public static class WholeShillings
{
    public static bool TryFromDecimal(decimal amount, out long shillings)
    {
        shillings = 0;
        if (amount != decimal.Truncate(amount) || amount < long.MinValue || amount > long.MaxValue)
        {
            return false;
        }

        shillings = (long)amount;
        return true;
    }

    public static bool TryParse(string? text, out long shillings)
    {
        shillings = 0;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
            && TryFromDecimal(amount, out shillings);
    }

    /// <summary>Reads a JSON number or a numeric JSON string.</summary>
    public static bool TryRead(JsonElement element, out long shillings)
    {
        shillings = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDecimal(out var amount) && TryFromDecimal(amount, out shillings),
            JsonValueKind.String => TryParse(element.GetString(), out shillings),
            _ => false,
        };
    }
}
