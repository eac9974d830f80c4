using Hotspot.Domain.Payments;
using Hotspot.Storage;
using Hotspot.Storage.ProviderTokens;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Storage;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class DatabaseProviderTokenStoreTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Saves_replaces_reads_and_removes_a_token()
    {
        var store = new DatabaseProviderTokenStore(Database, TimeProvider.System);
        var key = $"daraja:{Guid.NewGuid()}:abc";
        var expiresAt = new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

        Assert.That(await store.GetAsync(key, default), Is.Null);
        await store.SaveAsync(key, new ProviderToken("made-up-token-1", expiresAt), default);
        await store.SaveAsync(key, new ProviderToken("made-up-token-2", expiresAt.AddHours(1)), default);

        var read = await store.GetAsync(key, default);
        Assert.That(read, Is.EqualTo(new ProviderToken("made-up-token-2", expiresAt.AddHours(1))));

        await store.RemoveAsync(key, default);
        Assert.That(await store.GetAsync(key, default), Is.Null);
    }

    [Test]
    public async Task Tokens_are_encrypted_in_the_table()
    {
        var store = new DatabaseProviderTokenStore(Database, TimeProvider.System);
        var key = $"kopokopo:{Guid.NewGuid()}:abc";
        await store.SaveAsync(key, new ProviderToken("made-up-secret-token", DateTimeOffset.UtcNow.AddHours(1)), default);

        await using var db = Database.CreateDbContext();
        var row = await db.ProviderTokens.AsNoTracking().SingleAsync(t => t.CacheKey == key);
        Assert.That(row.EncryptedAccessToken, Does.StartWith("enc:v1:").And.Not.Contain("made-up-secret-token"));
    }

    [Test]
    public async Task Instances_saving_at_once_leave_one_readable_token()
    {
        var store = new DatabaseProviderTokenStore(Database, TimeProvider.System);
        var key = $"daraja:{Guid.NewGuid()}:race";
        var expiresAt = DateTimeOffset.UtcNow.AddHours(1);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => store.SaveAsync(key, new ProviderToken($"token-{i}", expiresAt), default))));
        var read = await store.GetAsync(key, default);
        Assert.That(read!.AccessToken, Does.StartWith("token-"));
    }

    [Test]
    public async Task The_lock_of_a_token_has_one_holder_across_store_instances_and_others_keys_are_free()
    {
        // Two store objects: two API instances on one database.
        var first = new DatabaseProviderTokenStore(Database, TimeProvider.System);
        var second = new DatabaseProviderTokenStore(Database, TimeProvider.System);
        var key = $"daraja:{Guid.NewGuid()}:lock";

        var held = await first.LockAsync(key, default);
        var waiting = second.LockAsync(key, default);
        await using (await second.LockAsync(key + ":other", default))
        {
            // Another key is not blocked.
        }

        await Task.Delay(300);
        Assert.That(waiting.IsCompleted, Is.False, "the second instance waits while the first holds the lock");
        await held.DisposeAsync();
        await using (await waiting.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            // Taken once the first let go.
        }

        using var cancelled = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        await using (await first.LockAsync(key, default))
        {
            Assert.That(async () => await (await second.LockAsync(key, cancelled.Token)).DisposeAsync(), Throws.InstanceOf<OperationCanceledException>());
        }
    }
}
