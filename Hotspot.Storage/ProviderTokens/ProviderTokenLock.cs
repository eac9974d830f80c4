using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hotspot.Storage.ProviderTokens;

/// <summary>
/// The lock of one provider token (<see cref="DatabaseProviderTokenStore.LockAsync"/>). On PostgreSQL a
/// transaction-scoped advisory lock that every instance sees, released with the transaction, so also when its holder
/// dies; it works through PgBouncer in transaction mode. On SQLite, which serves one process, a semaphore per
/// database and key.
/// </summary>
internal sealed class ProviderTokenLock : IAsyncDisposable
{
    /// <summary>How long a caller waits for another's token fetch (a provider call times out after 30 s).</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromMinutes(2);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteGates = new();

    private readonly HotspotDbContext? _db;
    private readonly IDbContextTransaction? _transaction;
    private readonly SemaphoreSlim? _gate;

    private ProviderTokenLock(HotspotDbContext? db, IDbContextTransaction? transaction, SemaphoreSlim? gate)
    {
        _db = db;
        _transaction = transaction;
        _gate = gate;
    }

    /// <summary>Takes the lock; owns <paramref name="db"/> from here on.</summary>
    public static async Task<ProviderTokenLock> TakeAsync(HotspotDbContext db, string cacheKey, CancellationToken cancellationToken)
    {
        if (db.Provider == DatabaseProvider.PostgreSql)
        {
            try
            {
                db.Database.SetCommandTimeout(Wait);
                var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var name = "provider_tokens:" + cacheKey;
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))", cancellationToken);
                return new ProviderTokenLock(db, transaction, null);
            }
            catch
            {
                await db.DisposeAsync();
                throw;
            }
        }

        var key = db.Database.GetConnectionString() + "\n" + cacheKey;
        await db.DisposeAsync();
        var gate = SqliteGates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(Wait, cancellationToken))
        {
            throw new TimeoutException($"Waited {Wait} for the lock of the provider token {cacheKey}.");
        }

        return new ProviderTokenLock(null, null, gate);
    }

    public async ValueTask DisposeAsync()
    {
        // Nothing was written in the transaction: rolling it back releases the advisory lock.
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        _gate?.Release();
    }
}
