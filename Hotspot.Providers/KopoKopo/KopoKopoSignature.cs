using System.Security.Cryptography;
using System.Text;
using Hotspot.Domain.Secrets;

namespace Hotspot.Providers.KopoKopo;

/// <summary>
/// <c>X-KopoKopo-Signature</c>: lowercase hex HMAC-SHA256 of the raw request bytes, keyed with the API key.
/// Always over the bytes as received: re-serializing JSON changes them.
/// </summary>
public static class KopoKopoSignature
{
    public const string HeaderName = "X-KopoKopo-Signature";

    public static string Compute(string apiKey, ReadOnlySpan<byte> rawBody) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), rawBody));

    /// <summary>Constant-time check; false for a missing, malformed or wrong signature.</summary>
    public static bool Verify(string apiKey, ReadOnlySpan<byte> rawBody, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature) || string.IsNullOrEmpty(apiKey))
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature.Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), rawBody);
        return ConstantTime.Matches(given, expected);
    }
}
