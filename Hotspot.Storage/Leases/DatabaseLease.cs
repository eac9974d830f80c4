using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage.Leases;

/// <summary>
/// Lets one instance at a time run a named background job (e.g. the payment reconciler). A holder renews its
/// lease before it runs out; when the holder dies the lease expires and another instance takes over.
/// </summary>
public sealed class DatabaseLease(IDbContextFactory<HotspotDbContext> contexts, TimeProvider time)
{
    /// <summary>Takes or renews the lease. Returns false while another holder's lease is still running.</summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        if (duration <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(duration));

        var now = time.GetUtcNow().UtcDateTime;
        var expiresAt = now + duration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // One conditional UPDATE: the database decides between racing instances.
        var taken = await db.Leases
            .Where(l => l.Name == name && (l.Holder == holder || l.ExpiresAt <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken);
        if (taken == 1)
            return true;
        if (await db.Leases.AnyAsync(l => l.Name == name, cancellationToken))
            return false;

        db.Leases.Add(new Lease { Name = name, Holder = holder, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another instance created it first
        }
    }

    /// <summary>Gives the lease up early (on shutdown), if still held by <paramref name="holder"/>.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Leases.Where(l => l.Name == name && l.Holder == holder).ExecuteDeleteAsync(cancellationToken);
    }
}
