using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Providers.Common;

/// <summary>A short, one-way fingerprint of credentials, to name token cache entries without holding secrets.</summary>
public static class SecretHash
{
    public static string Of(params string[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
