namespace Hotspot.Domain.Vouchers;

/// <summary>
/// Voucher code rules. Codes are stored upper case; what a customer types is normalised the same way, so
/// matching is case-insensitive and forgiving of spaces and dashes (<c>abcd-ef23</c> finds <c>ABCDEF23</c>).
/// </summary>
public static class VoucherCode
{
    /// <summary>32 symbols: upper-case letters and digits without 0, O, 1 and I, which people confuse.</summary>
    public const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>40 random bits: short-lived codes issued by purchases, usually not typed.</summary>
    public const int PurchaseLength = 8;

    /// <summary>50 random bits: printed codes that live for weeks.</summary>
    public const int BatchLength = 10;

    public const int MaxPrefixLength = 6;

    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input))
            return "";
        Span<char> buffer = input.Length <= 128 ? stackalloc char[input.Length] : new char[input.Length];
        var count = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '-' or '\t')
                continue;
            buffer[count++] = char.ToUpperInvariant(c);
        }
        return new string(buffer[..count]);
    }

    /// <summary>Checks a prefix an admin asked for: letters and digits, at most six, upper-cased.</summary>
    public static string? NormalizePrefix(string? prefix)
    {
        if (string.IsNullOrWhiteSpace(prefix))
            return null;
        var normalized = Normalize(prefix);
        if (normalized.Length > MaxPrefixLength || !normalized.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c)))
            throw DomainException.Validation($"A voucher prefix must be 1 to {MaxPrefixLength} letters or digits.");
        return normalized;
    }
}
