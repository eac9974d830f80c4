namespace Hotspot.Storage.Radius;

/// <summary>
/// The RADIUS Class attribute of an Access-Accept (RFC 2865 §5.25): the router returns it unchanged in the
/// session's accounting, so it names the voucher the session runs on (<c>hotspot-voucher:&lt;id&gt;</c>).
/// An id, not the code: the code is a bearer secret.
/// </summary>
public static class SessionClass
{
    private const string Prefix = "hotspot-voucher:";

    public static string For(Guid voucherId) => Prefix + voucherId.ToString("D");

    /// <summary>The voucher id in a Class value as rlm_rest posts it (text, or <c>0x</c> hex of the octets); null otherwise.</summary>
    public static Guid? VoucherId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                text = System.Text.Encoding.UTF8.GetString(Convert.FromHexString(text.AsSpan(2)));
            }
            catch (FormatException)
            {
                return null;
            }
        }
        return text.StartsWith(Prefix, StringComparison.Ordinal) && Guid.TryParseExact(text[Prefix.Length..], "D", out var id) ? id : null;
    }
}
