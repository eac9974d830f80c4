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
}
