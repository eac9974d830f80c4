using System.Security.Cryptography;
using System.Text;

namespace Hotspot.Storage.Secrets;

/// <summary>
/// Encrypts credentials with AES-256-GCM. A protected value reads <c>enc:v1:{keyId}:{base64(nonce|ciphertext|tag)}</c>;
/// the key id lets values written with an older key be read after a rotation.
/// </summary>
public sealed class SecretProtector(EncryptionKeyRing keys)
{
    private const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptionKeyRing Keys { get; } = keys;

    public static bool IsProtected(string? value) => value?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public string Protect(string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var keyId = Keys.CurrentKeyId;
        var plainBytes = Encoding.UTF8.GetBytes(plaintext);
        var payload = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = payload.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(Keys.CurrentKey, TagSize))
            aes.Encrypt(nonce, plainBytes, payload.AsSpan(NonceSize, plainBytes.Length), payload.AsSpan(NonceSize + plainBytes.Length), AssociatedData(keyId));
        return Prefix + keyId + ":" + Convert.ToBase64String(payload);
    }

    /// <exception cref="CryptographicException">The value is not ours, was altered, or its key is not configured.</exception>
    public string Unprotect(string protectedValue)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        if (!IsProtected(protectedValue))
            throw new CryptographicException("The value is not an encrypted secret.");
        var rest = protectedValue.AsSpan(Prefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0)
            throw new CryptographicException("The encrypted secret is malformed.");
        var keyId = rest[..colon].ToString();
        if (!Keys.TryGetKey(keyId, out var key))
            throw new CryptographicException($"The secret was encrypted with key {keyId}, which is not configured (add it to HOTSPOT_ENCRYPTION_OLD_KEYS).");

        byte[] payload;
        try
        {
            payload = Convert.FromBase64String(rest[(colon + 1)..].ToString());
        }
        catch (FormatException)
        {
            throw new CryptographicException("The encrypted secret is malformed.");
        }
        if (payload.Length < NonceSize + TagSize)
            throw new CryptographicException("The encrypted secret is malformed.");

        var cipherLength = payload.Length - NonceSize - TagSize;
        var plainBytes = new byte[cipherLength];
        using (var aes = new AesGcm(key, TagSize))
            aes.Decrypt(payload.AsSpan(0, NonceSize), payload.AsSpan(NonceSize, cipherLength), payload.AsSpan(NonceSize + cipherLength), plainBytes, AssociatedData(keyId));
        return Encoding.UTF8.GetString(plainBytes);
    }

    /// <summary>The key id in front of a protected value, or null.</summary>
    public static string? KeyIdOf(string protectedValue)
    {
        if (!IsProtected(protectedValue))
            return null;
        var rest = protectedValue[Prefix.Length..];
        var colon = rest.IndexOf(':');
        return colon <= 0 ? null : rest[..colon];
    }

    // Binds the ciphertext to its key id, so the id cannot be swapped without detection.
    private static byte[] AssociatedData(string keyId) => Encoding.ASCII.GetBytes(Prefix + keyId);
}
