using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Hotspot.Storage.Secrets;

/// <summary>
/// The current encryption key and the older ones still accepted. A key's id is derived from the key itself
/// (first 8 hex digits of its SHA-256), so rotating needs no separate id configuration.
/// </summary>
public sealed class EncryptionKeyRing
{
    public const int KeyLength = 32;
    public const string DevelopmentKeyFileName = "development-encryption.key";

    private readonly Dictionary<string, byte[]> _keys;

    private EncryptionKeyRing(byte[] currentKey, IEnumerable<byte[]> oldKeys, bool isDevelopmentKey)
    {
        CurrentKeyId = KeyIdOf(currentKey);
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal) { [CurrentKeyId] = currentKey };
        foreach (var key in oldKeys)
            _keys.TryAdd(KeyIdOf(key), key);
        IsDevelopmentKey = isDevelopmentKey;
    }

    public string CurrentKeyId { get; }
    public bool IsDevelopmentKey { get; }

    internal byte[] CurrentKey => _keys[CurrentKeyId];

    internal bool TryGetKey(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    public static EncryptionKeyRing Create(byte[] currentKey, params byte[][] oldKeys)
    {
        Check(currentKey, "The encryption key");
        foreach (var key in oldKeys)
            Check(key, "An old encryption key");
        return new EncryptionKeyRing(currentKey, oldKeys, isDevelopmentKey: false);
    }

    /// <summary>
    /// Reads the configured keys. Without one, uses (and if needed creates) a development key stored in
    /// <paramref name="dataDirectory"/> so a restart can still decrypt, and warns loudly.
    /// </summary>
    public static EncryptionKeyRing Load(EncryptionOptions options, string dataDirectory, ILogger logger)
    {
        var oldKeys = (options.OldKeys ?? "")
            .Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(k => Decode(k, "HOTSPOT_ENCRYPTION_OLD_KEYS"))
            .ToArray();
        if (!string.IsNullOrWhiteSpace(options.Key))
            return new EncryptionKeyRing(Decode(options.Key.Trim(), "HOTSPOT_ENCRYPTION_KEY"), oldKeys, isDevelopmentKey: false);

        var path = Path.Combine(dataDirectory, DevelopmentKeyFileName);
        byte[] key;
        if (File.Exists(path))
        {
            key = Decode(File.ReadAllText(path).Trim(), path);
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            key = RandomNumberGenerator.GetBytes(KeyLength);
            WritePrivateFile(path, Convert.ToBase64String(key));
        }
        logger.LogWarning(
            "!!! HOTSPOT_ENCRYPTION_KEY is not set: provider credentials are encrypted with a DEVELOPMENT key kept in {KeyFile}. " +
            "Anyone who can read that file can decrypt them. Set HOTSPOT_ENCRYPTION_KEY (base64 of 32 random bytes) in production. !!!",
            path);
        return new EncryptionKeyRing(key, oldKeys, isDevelopmentKey: true);
    }

    public static string KeyIdOf(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..8];

    private static byte[] Decode(string base64, string source)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} is not valid base64.");
        }
        Check(key, source);
        return key;
    }

    private static void Check(byte[] key, string source)
    {
        if (key.Length != KeyLength)
            throw new InvalidOperationException($"{source} must be {KeyLength} bytes (base64 of 32 random bytes), not {key.Length}.");
    }

    private static void WritePrivateFile(string path, string content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(content);
    }
}
