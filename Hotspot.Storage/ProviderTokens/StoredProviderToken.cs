namespace Hotspot.Storage.ProviderTokens;

/// <summary>A row of <c>provider_tokens</c>: one shared OAuth token, encrypted.</summary>
public sealed class StoredProviderToken
{
    public required string CacheKey { get; set; }
    public required string EncryptedAccessToken { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
