using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Api.Payments;

/// <summary>Compares a token from a URL with the stored one in constant time.</summary>
public static class CallbackTokens
{
    public static bool Matches(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
