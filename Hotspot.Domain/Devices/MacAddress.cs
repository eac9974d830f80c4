namespace Hotspot.Domain.Devices;

/// <summary>
/// A device's MAC address in its one canonical form, <c>AA:BB:CC:DD:EE:FF</c> (upper-case hex, colons), as it is
/// stored on purchases and RADIUS sessions and compared everywhere.
/// </summary>
public readonly record struct MacAddress
{
    /// <summary>The separators routers put between hex digits: MikroTik and Windows (<c>:</c>, <c>-</c>) and Cisco (<c>.</c>).</summary>
    private const string RouterSeparators = ":-.";

    /// <summary>The separators a captive portal sends: colons, dashes or nothing.</summary>
    private const string PortalSeparators = ":-";

    private MacAddress(string value) => Value = value;

    /// <summary><c>AA:BB:CC:DD:EE:FF</c>.</summary>
    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>
    /// Strict, for what a customer's device submits: twelve hex digits with <c>:</c>, <c>-</c> or nothing between
    /// them, surrounding spaces ignored; null when blank. Anything else is a <see cref="DomainException"/>.
    /// </summary>
    public static MacAddress? ParseOptional(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        return TryParse(text, PortalSeparators, out var mac)
            ? mac
            : throw DomainException.Validation("A MAC address looks like AA:BB:CC:DD:EE:FF.");
    }

    /// <summary>
    /// For what a router sends (a MAC login's User-Name, a Calling-Station-Id): twelve hex digits with <c>:</c>,
    /// <c>-</c>, <c>.</c> or nothing between them, surrounding spaces ignored; false for anything else.
    /// </summary>
    public static bool TryParse(string? text, out MacAddress mac)
    {
        mac = default;
        return !string.IsNullOrWhiteSpace(text) && TryParse(text, RouterSeparators, out mac);
    }

    /// <summary>
    /// Lenient, for keys built from a Calling-Station-Id that may be in any shape: the canonical form when the text
    /// holds exactly twelve hex digits (whatever else is between them), otherwise the text trimmed and upper-cased;
    /// null when blank.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        Span<char> hex = stackalloc char[12];
        var count = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
                continue;
            if (count == hex.Length)
                return text.Trim().ToUpperInvariant();
            hex[count++] = c;
        }
        return count == hex.Length ? Canonical(hex) : text.Trim().ToUpperInvariant();
    }

    private static bool TryParse(string text, string separators, out MacAddress mac)
    {
        mac = default;
        Span<char> hex = stackalloc char[12];
        var count = 0;
        foreach (var c in text.AsSpan().Trim())
        {
            if (separators.Contains(c))
                continue;
            if (!char.IsAsciiHexDigit(c) || count == hex.Length)
                return false;
            hex[count++] = c;
        }
        if (count != hex.Length)
            return false;
        mac = new MacAddress(Canonical(hex));
        return true;
    }

    private static string Canonical(ReadOnlySpan<char> hex) => string.Create(17, hex.ToString(), static (chars, digits) =>
    {
        for (var i = 0; i < 6; i++)
        {
            chars[i * 3] = char.ToUpperInvariant(digits[i * 2]);
            chars[i * 3 + 1] = char.ToUpperInvariant(digits[i * 2 + 1]);
            if (i < 5)
                chars[i * 3 + 2] = ':';
        }
    });
}
