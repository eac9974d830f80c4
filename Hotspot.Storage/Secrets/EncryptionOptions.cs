namespace Hotspot.Storage.Secrets;

/// <summary>Keys for credentials at rest. Bound from <c>HOTSPOT_ENCRYPTION_KEY</c> and <c>HOTSPOT_ENCRYPTION_OLD_KEYS</c>.</summary>
public sealed class EncryptionOptions
{
    /// <summary>Base64 of 32 random bytes. New values are encrypted with it. When empty, a development key is used.</summary>
    public string? Key { get; set; }

    /// <summary>Earlier keys (base64, separated by commas or semicolons), still accepted for decryption after a rotation.</summary>
    public string? OldKeys { get; set; }
}
