using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Hotspot.Domain.Secrets;
using Hotspot.Domain.Users;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Auth;

/// <summary>
/// Issues and checks signed bearer tokens: user id, expiry and a stamp of the password hash, HMAC-SHA256 signed.
/// The user is loaded on every request, so deactivating a user or changing their password revokes their tokens.
/// </summary>
public sealed class BearerTokens
{
    private const int PayloadLength = 16 + 8 + 8;
    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public BearerTokens(IOptions<AuthOptions> options, TimeProvider time, ILogger<BearerTokens> logger)
    {
        _time = time;
        _lifetime = options.Value.TokenLifetime;
        if (string.IsNullOrWhiteSpace(options.Value.TokenKey))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            logger.LogWarning("No Auth:TokenKey (HOTSPOT_AUTH_TOKEN_KEY) is set: bearer tokens are signed with a random key and end with this process.");
            return;
        }
        try
        {
            _key = Convert.FromBase64String(options.Value.TokenKey.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Auth:TokenKey must be base64.");
        }
        if (_key.Length < 32)
            throw new InvalidOperationException("Auth:TokenKey must hold at least 32 bytes.");
    }

    public (string Token, DateTime ExpiresAt) Issue(User user)
    {
        var expiresAt = _time.GetUtcNow().UtcDateTime.Add(_lifetime);
        expiresAt = new DateTime(expiresAt.Ticks - expiresAt.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var payload = new byte[PayloadLength];
        user.Id.TryWriteBytes(payload.AsSpan(0, 16));
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(16, 8), new DateTimeOffset(expiresAt).ToUnixTimeSeconds());
        Stamp(user).CopyTo(payload.AsSpan(24, 8));
        var signature = HMACSHA256.HashData(_key, payload);
        return (Base64Url(payload) + "." + Base64Url(signature), expiresAt);
    }

    /// <summary>The user id of a well-formed, correctly signed, unexpired token; null otherwise.</summary>
    public Guid? ReadUserId(string? token, out byte[] stamp)
    {
        stamp = [];
        if (string.IsNullOrEmpty(token) || token.Length > 200) return null;
        var dot = token.IndexOf('.');
        if (dot < 0) return null;
        var payload = FromBase64Url(token[..dot]);
        var signature = FromBase64Url(token[(dot + 1)..]);
        if (payload is not { Length: PayloadLength } || signature is null) return null;
        if (!ConstantTime.Matches(signature, HMACSHA256.HashData(_key, payload))) return null;
        var expires = BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(16, 8));
        if (_time.GetUtcNow().ToUnixTimeSeconds() >= expires) return null;
        stamp = payload[24..];
        return new Guid(payload.AsSpan(0, 16));
    }

    /// <summary>True when the stamp in a token still matches the user's password hash.</summary>
    public static bool StampMatches(User user, byte[] stamp) => ConstantTime.Matches(stamp, Stamp(user));

    private static byte[] Stamp(User user) => SHA256.HashData(Encoding.UTF8.GetBytes(user.PasswordHash))[..8];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
