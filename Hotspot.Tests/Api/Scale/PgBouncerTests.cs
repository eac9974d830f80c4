using System.Net.Http.Headers;
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
/// The built API whose only way to PostgreSQL is PgBouncer in transaction pooling mode (four server connections for
/// twenty client ones): it migrates an empty database, seeds, takes portal purchases, settles callbacks sent in
/// parallel exactly once, counts limits and answers GraphQL. The one setting it needs is
/// <c>Max Auto Prepare=0</c> (PgBouncer 1.18 keeps no prepared statements across transactions).
/// </summary>
[Slow(TestCategories.Host)]
[NonParallelizable]
public class PgBouncerTests
{
    private const int Purchases = 30;

    [Test]
    public async Task The_api_migrates_settles_callbacks_and_answers_graphql_through_pgbouncer_in_transaction_mode()
    {
        PgBouncerProcess.RequireInstalled();
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.PostgreSql);
        await using var bouncer = await PgBouncerProcess.StartAsync(database.ConnectionString);
        const string email = "bouncer-admin@hotspot.test";
        var password = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        await using var api = await GraphQLServerProcess.StartApiAsync(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Hotspot"] = new NpgsqlConnectionStringBuilder(bouncer.ConnectionString().ConnectionString) { MaxAutoPrepare = 0, MaxPoolSize = 20 }.ConnectionString,
            ["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"] = email,
            ["HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD"] = password,
            ["Payments__ReconcilerInterval"] = "00:00:01",
            ["RateLimits__PurchasesPerAddressPerMinute"] = "1000000",
            ["RateLimits__PromptsPerPhone"] = Purchases.ToString(),
        });
        using var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        await using var data = NpgsqlDataSource.Create(database.ConnectionString);

        await using var organization = data.CreateCommand("select id, daraja_callback_token from organizations where name = 'Demo Hotspot (sandbox)'");
        await using var reader = await organization.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, "migrated and seeded through PgBouncer");
        var (organizationId, token) = (reader.GetGuid(0), reader.GetString(1));
        var plans = await http.GetFromJsonAsync<JsonElement>($"/api/hotspot/organizations/{organizationId}/plans");
        var planId = plans[0].GetProperty("id").GetGuid();
        var price = plans[0].GetProperty("priceKes").GetInt64();

        var purchaseIds = new Guid[Purchases];
        await Parallel.ForAsync(0, Purchases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var response = await http.PostAsJsonAsync("/api/hotspot/purchase-voucher", new { organizationId, planId, phoneNumber = LostCallbackPhone }, ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.That((int)response.StatusCode, Is.EqualTo(202), body.ToString());
            purchaseIds[i] = body.GetProperty("purchaseId").GetGuid();
        });
        using (var refused = await http.PostAsJsonAsync("/api/hotspot/purchase-voucher", new { organizationId, planId, phoneNumber = LostCallbackPhone }))
            Assert.That((int)refused.StatusCode, Is.EqualTo(429), "the per-phone limit counts through PgBouncer");

        var checkouts = new List<string>();
        await using (var command = data.CreateCommand("select provider_request_id from purchases where id = any(@ids)"))
        {
            command.Parameters.AddWithValue("ids", purchaseIds);
            await using var rows = await command.ExecuteReaderAsync();
            while (await rows.ReadAsync())
                checkouts.Add(rows.GetString(0));
        }
        Assert.That(checkouts, Has.Count.EqualTo(Purchases));
        // Each callback twice, sixteen at a time.
        await Parallel.ForEachAsync(checkouts.Concat(checkouts), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (checkout, ct) =>
        {
            using var response = await http.PostAsync($"/api/payments/daraja/callback/{organizationId}/{token}",
                new StringContent(StkSuccess(checkout, price), Encoding.UTF8, "application/json"), ct);
            Assert.That(response.IsSuccessStatusCode, Is.True, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        });

        var login = await GraphQLAsync(http, "mutation($i: LoginInput!) { login(input: $i) { token } }", new { i = new { email, password } });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.GetProperty("login").GetProperty("token").GetString());
        var answer = await GraphQLAsync(http, "query($id: ID!) { organization(id: $id) { purchases(first: 5, where: { status: { eq: PAID } }) { totalCount nodes { voucher { code } } } } }",
            new { id = organizationId });
        var purchases = answer.GetProperty("organization").GetProperty("purchases");
        Assert.That(purchases.GetProperty("totalCount").GetInt32(), Is.EqualTo(Purchases));
        await using (var vouchers = data.CreateCommand("select count(*), count(distinct purchase_id) from vouchers where purchase_id = any(@ids)"))
        {
            vouchers.Parameters.AddWithValue("ids", purchaseIds);
            await using var counts = await vouchers.ExecuteReaderAsync();
            await counts.ReadAsync();
            Assert.That((counts.GetInt64(0), counts.GetInt64(1)), Is.EqualTo(((long)Purchases, (long)Purchases)), "one voucher per purchase");
        }
        await Task.Delay(2000); // a few reconciler passes (lease renewals) through PgBouncer too
        Assert.That(api.Output, Does.Not.Contain("[ERR]").And.Not.Contain("[FTL]"), api.Output);
        Assert.That(api.Output, Does.Not.Contain("prepared statement"), api.Output);
    }

    private static async Task<JsonElement> GraphQLAsync(HttpClient http, string query, object variables)
    {
        using var response = await http.PostAsJsonAsync("/graphql", new { query, variables });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.TryGetProperty("errors", out _), Is.False, body.ToString());
        return body.GetProperty("data");
    }
}
