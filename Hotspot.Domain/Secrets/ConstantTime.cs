using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Domain.Secrets;

/// <summary>
/// The one way secrets are compared: in constant time, so how long a comparison takes reveals nothing about the
/// secret (callback tokens, RADIUS secrets, token signatures, webhook signatures).
/// </summary>
public static class ConstantTime
{
    /// <summary>
    /// A presented secret against the expected one. Both are hashed first, so the time depends on neither the
    /// contents nor the lengths; a missing secret never matches.
    /// </summary>
    public static bool Matches(string? presented, string expected) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>Two digests or signatures of the same length; different lengths never match.</summary>
    public static bool Matches(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> expected) =>
        CryptographicOperations.FixedTimeEquals(presented, expected);
}
