using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// Apollo's automatic persisted queries: a request may carry <c>extensions.persistedQuery</c> =
/// <c>{ "version": 1, "sha256Hash": "&lt;hex&gt;" }</c> instead of (or together with) the query text.
/// </summary>
public static class PersistedQuery
{
    public const string NotFoundCode = "PERSISTED_QUERY_NOT_FOUND";
    public const string NotFoundMessage = "PersistedQueryNotFound";
    public const string HashMismatchCode = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string HashMismatchMessage = "provided sha does not match query";
    public const string InvalidCode = "PERSISTED_QUERY_INVALID";
    public const string NotSupportedCode = "PERSISTED_QUERY_NOT_SUPPORTED";
    public const string NotSupportedMessage = "PersistedQueryNotSupported";

    /// <summary>What <c>extensions.persistedQuery</c> held.</summary>
    public readonly record struct Lookup(string? Hash, string? Problem)
    {
        public bool IsPresent => Hash is not null || Problem is not null;
    }

    /// <summary>Reads <c>extensions.persistedQuery</c>; a malformed one is reported, not thrown.</summary>
    public static Lookup Read(JsonElement? extensions)
    {
        if (extensions is not { ValueKind: JsonValueKind.Object } ext
            || !ext.TryGetProperty("persistedQuery", out var persisted)
            || persisted.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        if (persisted.ValueKind != JsonValueKind.Object)
        {
            return new Lookup(null, "extensions.persistedQuery must be an object.");
        }

        if (!persisted.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number
            || !version.TryGetInt32(out var versionNumber) || versionNumber != 1)
        {
            return new Lookup(null, "Unsupported persisted query version; only version 1 is supported.");
        }

        if (!persisted.TryGetProperty("sha256Hash", out var hash) || hash.ValueKind != JsonValueKind.String)
        {
            return new Lookup(null, "extensions.persistedQuery.sha256Hash must be a string.");
        }

        var text = hash.GetString()!;
        if (text.Length != 64 || !IsHex(text))
        {
            return new Lookup(null, "extensions.persistedQuery.sha256Hash must be 64 hexadecimal characters.");
        }

        return new Lookup(text.ToLowerInvariant(), null);
    }

    /// <summary>The lowercase hexadecimal SHA-256 of the query text's UTF-8 bytes.</summary>
    public static string Hash(string query)
    {
        Span<byte> digest = stackalloc byte[32];
        var maxBytes = Encoding.UTF8.GetMaxByteCount(query.Length);
        if (maxBytes <= 4096)
        {
            Span<byte> utf8 = stackalloc byte[maxBytes];
            SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(query, utf8)], digest);
        }
        else
        {
            SHA256.HashData(Encoding.UTF8.GetBytes(query), digest);
        }

        return Convert.ToHexStringLower(digest);
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
