using System.Collections.Concurrent;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Payments;

/// <summary>
/// Each organization's Daraja callback token, kept for a few seconds: under load every callback would otherwise
/// read the organization again. A rotated token is seen within <see cref="Lifetime"/>; unknown organizations are
/// never cached, so a new organization is found at once.
/// </summary>
public sealed class CallbackTokenCache(IDbContextFactory<HotspotDbContext> contexts, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<Guid, (string Token, DateTimeOffset ReadAt)> _tokens = new();

    /// <summary>The organization's token, or null when there is no such organization.</summary>
    public async Task<string?> TokenOfAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_tokens.TryGetValue(organizationId, out var cached) && now - cached.ReadAt < Lifetime)
            return cached.Token;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
            .Select(o => o.DarajaCallbackToken).SingleOrDefaultAsync(cancellationToken);
        if (token is not null)
            _tokens[organizationId] = (token, now);
        return token;
    }
}
