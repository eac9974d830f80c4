using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hotspot.Storage;
using Hotspot.Tests.GraphQL.Conformance;
using Hotspot.Tests.Storage;
using Npgsql;
using static Hotspot.Tests.Api.Scale.ScaleCallbacks;

namespace Hotspot.Tests.Api.Scale;

/// <summary>
/// Two real API processes on one PostgreSQL database, as behind a load balancer: portal requests and callbacks go to
/// them in turn, and the instance holding the reconciler lease is killed (SIGKILL) in the middle of the callbacks.
/// Every purchase is paid exactly once, the per-phone prompt limit holds across both, and the lease moves to the
/// survivor within its duration.
/// </summary>
[Slow(TestCategories.Host)]
[NonParallelizable]
public class TwoInstanceTests
{
    private const int Purchases = 120;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);

    [Test]
    public async Task Killing_one_instance_mid_load_loses_nothing_pays_nothing_twice_and_moves_the_reconciler()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var settings = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Hotspot"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = 20 }.ConnectionString,
            // Instances share the encryption and token keys, as a deployment behind a balancer must.
            ["HOTSPOT_ENCRYPTION_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["HOTSPOT_AUTH_TOKEN_KEY"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Payments__ReconcilerLease"] = Lease.ToString(),
            ["Payments__ReconcilerInterval"] = "00:00:01",
            ["RateLimits__PortalPermitsPerMinute"] = "1000000",
            ["RateLimits__PurchasesPerAddressPerMinute"] = "1000000",
            ["RateLimits__CallbackPermitsPerMinute"] = "1000000",
            // Exactly the purchases below: one more must be refused, whichever instance is asked.
            ["RateLimits__PromptsPerPhone"] = Purchases.ToString(),
        };
        // The first seeds the demo organization; the second starts once it is there.
        var first = await GraphQLServerProcess.StartApiAsync(settings);
        var second = await GraphQLServerProcess.StartApiAsync(settings);
        var instances = new List<GraphQLServerProcess> { first, second };
        var running = new List<GraphQLServerProcess>(instances);
        try
        {
            using var clients = new Clients(instances);
            await using var data = NpgsqlDataSource.Create(database.ConnectionString);
            var (organizationId, token) = await DemoOrganizationAsync(data);
            var plans = await clients.For(0).GetFromJsonAsync<JsonElement>($"/api/hotspot/organizations/{organizationId}/plans");
            var planId = plans[0].GetProperty("id").GetGuid();
            var price = plans[0].GetProperty("priceKes").GetInt64();

            // Portal requests in turn: each instance starts half of the purchases.
            var purchaseIds = new Guid[Purchases];
            await Parallel.ForAsync(0, Purchases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                using var response = await clients.For(i).PostAsJsonAsync("/api/hotspot/purchase-voucher",
                    new { organizationId, planId, phoneNumber = LostCallbackPhone }, ct);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                Assert.That((int)response.StatusCode, Is.EqualTo(202), body.ToString());
                purchaseIds[i] = body.GetProperty("purchaseId").GetGuid();
            });
            var checkouts = await CheckoutIdsAsync(data, purchaseIds);

            var holder = await LeaseHolderAsync(data);
            var victim = instances.Single(instance => holder.Contains($":{instance.ProcessId}:"));
            var survivor = instances.Single(instance => instance != victim);

            // Callbacks in turn, each delivered twice (the second copy to the other instance); the lease holder is
            // killed halfway. A request that fails because its instance died is sent again to the next, as a
            // balancer's retry would.
            var sent = 0;
            var killed = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
            var deliveries = checkouts.SelectMany((checkout, i) => new[] { (Checkout: checkout, Turn: i), (Checkout: checkout, Turn: i + 1) }).ToArray();
            await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (delivery, ct) =>
            {
                if (Interlocked.Increment(ref sent) == deliveries.Length / 2)
                {
                    lock (running) running.Remove(victim);
                    await victim.DisposeAsync();
                    clients.MarkDead(instances.IndexOf(victim));
                    killed.SetResult(DateTime.UtcNow);
                }
                var json = StkSuccess(delivery.Checkout, price);
                await clients.PostWithRetryAsync(delivery.Turn, $"/api/payments/daraja/callback/{organizationId}/{token}", json, ct);
            });
            Assert.That(killed.Task.IsCompleted, Is.True);

            var paid = await ScalarAsync(data, "select count(*) from purchases where id = any(@ids) and status = 'Paid'", purchaseIds);
            var vouchers = await ScalarAsync(data, "select count(*) from vouchers where purchase_id = any(@ids)", purchaseIds);
            var distinct = await ScalarAsync(data, "select count(distinct purchase_id) from vouchers where purchase_id = any(@ids)", purchaseIds);
            Assert.That((paid, vouchers, distinct), Is.EqualTo(((long)Purchases, (long)Purchases, (long)Purchases)), "every purchase paid once, one voucher each");

            // The per-phone limit was counted by both instances together.
            using (var refused = await clients.For(instances.IndexOf(survivor)).PostAsJsonAsync("/api/hotspot/purchase-voucher",
                       new { organizationId, planId, phoneNumber = LostCallbackPhone }))
                Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

            // The survivor takes the reconciler over within the lease (plus one reconciler interval).
            var killedAt = await killed.Task;
            string newHolder;
            do
            {
                await Task.Delay(200);
                newHolder = await LeaseHolderAsync(data);
            } while (!newHolder.Contains($":{survivor.ProcessId}:") && DateTime.UtcNow - killedAt < TimeSpan.FromSeconds(30));
            var handover = DateTime.UtcNow - killedAt;
            TestContext.Out.WriteLine($"reconciler lease moved {handover.TotalSeconds:F1} s after the kill (lease {Lease.TotalSeconds} s)");
            Assert.That(newHolder, Does.Contain($":{survivor.ProcessId}:"));
            Assert.That(handover, Is.LessThan(Lease + TimeSpan.FromSeconds(3)));
            Assert.That(survivor.Output, Does.Not.Contain("[ERR]").And.Not.Contain("\"@l\":\"Error\""));
        }
        finally
        {
            foreach (var instance in running)
                await instance.DisposeAsync();
        }
    }

    private static async Task<(Guid OrganizationId, string Token)> DemoOrganizationAsync(NpgsqlDataSource data)
    {
        await using var command = data.CreateCommand("select id, daraja_callback_token from organizations where name = 'Demo Hotspot (sandbox)'");
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, "the demo organization was seeded");
        return (reader.GetGuid(0), reader.GetString(1));
    }

    private static async Task<string[]> CheckoutIdsAsync(NpgsqlDataSource data, Guid[] purchaseIds)
    {
        await using var command = data.CreateCommand("select provider_request_id from purchases where id = any(@ids) order by created_at");
        command.Parameters.AddWithValue("ids", purchaseIds);
        var checkouts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            checkouts.Add(reader.GetString(0));
        Assert.That(checkouts, Has.Count.EqualTo(purchaseIds.Length));
        return [.. checkouts];
    }

    private static async Task<string> LeaseHolderAsync(NpgsqlDataSource data)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var command = data.CreateCommand("select holder from leases where name = 'payment-reconciler'");
            if (await command.ExecuteScalarAsync() is string holder)
                return holder;
            await Task.Delay(100);
        }
        Assert.Fail("No instance took the reconciler lease.");
        return "";
    }

    private static async Task<long> ScalarAsync(NpgsqlDataSource data, string sql, Guid[] ids)
    {
        await using var command = data.CreateCommand(sql);
        command.Parameters.AddWithValue("ids", ids);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>One HTTP client per instance, chosen in turn; a dead instance's turn goes to the next live one.</summary>
    private sealed class Clients(IReadOnlyList<GraphQLServerProcess> instances) : IDisposable
    {
        private readonly HttpClient[] _clients = instances.Select(i => new HttpClient { BaseAddress = new Uri(i.BaseUrl), Timeout = TimeSpan.FromSeconds(30) }).ToArray();
        private readonly bool[] _dead = new bool[instances.Count];

        public HttpClient For(int turn)
        {
            for (var k = 0; k < _clients.Length; k++)
            {
                var index = (turn + k) % _clients.Length;
                if (!Volatile.Read(ref _dead[index]))
                    return _clients[index];
            }
            throw new InvalidOperationException("No instance is alive.");
        }

        public void MarkDead(int index) => Volatile.Write(ref _dead[index], true);

        public async Task PostWithRetryAsync(int turn, string path, string json, CancellationToken cancellationToken)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await For(turn + attempt).PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), cancellationToken);
                    Assert.That(response.IsSuccessStatusCode, Is.True, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                    return;
                }
                catch (HttpRequestException) when (attempt < 3)
                {
                    // The instance died under this request: the balancer sends it to the next one.
                }
            }
        }

        public void Dispose()
        {
            foreach (var client in _clients)
                client.Dispose();
        }
    }
}
