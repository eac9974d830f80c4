using Hotspot.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.ProviderTokens;

/// <summary>
/// Shares provider OAuth tokens between API instances through <c>provider_tokens</c>, encrypted at rest
/// (DESIGN.md 11). The provider clients keep an in-process cache in front of it and fetch under
/// <see cref="LockAsync"/>, so one instance at a time asks the provider for a token.
/// </summary>
public sealed class DatabaseProviderTokenStore(IDbContextFactory<HotspotDbContext> contexts, TimeProvider time) : IProviderTokenStore
{
    public async Task<ProviderToken?> GetAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.ProviderTokens.AsNoTracking().SingleOrDefaultAsync(t => t.CacheKey == cacheKey, cancellationToken);
        if (stored is null)
            return null;
        var accessToken = db.Protector.Unprotect(stored.EncryptedAccessToken);
        return new ProviderToken(accessToken, new DateTimeOffset(stored.ExpiresAt, TimeSpan.Zero));
    }

    public async Task SaveAsync(string cacheKey, ProviderToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var encrypted = db.Protector.Protect(token.AccessToken);
        var expiresAt = token.ExpiresAt.UtcDateTime;
        var now = time.GetUtcNow().UtcDateTime;

        // Update first; insert when absent; if another instance inserted meanwhile, its row is updated instead.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var updated = await db.ProviderTokens.Where(t => t.CacheKey == cacheKey).ExecuteUpdateAsync(s => s
                .SetProperty(t => t.EncryptedAccessToken, encrypted)
                .SetProperty(t => t.ExpiresAt, expiresAt)
                .SetProperty(t => t.UpdatedAt, now), cancellationToken);
            if (updated > 0)
                return;
            var row = new StoredProviderToken { CacheKey = cacheKey, EncryptedAccessToken = encrypted, ExpiresAt = expiresAt, UpdatedAt = now };
            db.ProviderTokens.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                db.Entry(row).State = EntityState.Detached;
            }
        }
        throw new InvalidOperationException($"Could not store the provider token for {cacheKey}.");
    }

    public async Task RemoveAsync(string cacheKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.ProviderTokens.Where(t => t.CacheKey == cacheKey).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IAsyncDisposable> LockAsync(string cacheKey, CancellationToken cancellationToken) =>
        await ProviderTokenLock.TakeAsync(await contexts.CreateDbContextAsync(cancellationToken), cacheKey, cancellationToken);
}
