using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotspot.Domain.Transactions;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Providers.Simulation;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// The admin's provider operations succeeding against the simulators, through <c>/graphql</c> and the REST pay route:
/// credential tests, Kopo Kopo activation with its six webhook subscriptions, a B2C refund of a paid purchase and
/// Kopo Kopo PAY. All credentials are made up (the simulators accept any client id and secret).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ProviderAdministrationTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    private const string AdminEmail = "root@platform.test";
    private const string AdminPassword = "correct horse battery staple";

    private string _token = null!;
    private string _organization = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"] = AdminEmail,
        ["HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD"] = AdminPassword,
    };

    protected override async Task SeedAsync()
    {
        var login = await GraphQLAsync("mutation($i: LoginInput!) { login(input: $i) { token } }",
            new { i = new { email = AdminEmail, password = AdminPassword } });
        _token = login["login"]!["token"]!.GetValue<string>();

        var created = await GraphQLAsync("mutation { createOrganization(input: { name: \"Simulated ISP\" }) { id } }");
        _organization = created["createOrganization"]!["id"]!.GetValue<string>();
        await GraphQLAsync("""
            mutation($o: ID!, $p: String!) { updateMpesaConfiguration(organizationId: $o, input: { environment: SANDBOX, shortCode: "174379",
              transactionType: PAYBILL, consumerKey: "made-up-key", consumerSecret: "made-up-secret", passkey: $p,
              initiatorName: "testapi", initiatorPassword: "made-up-initiator" }) { id } }
            """, new { o = _organization, p = DarajaSimulatorOptions.SandboxPassKey });
        await GraphQLAsync("""
            mutation($o: ID!, $k: String!) { updateKopoKopoConfiguration(organizationId: $o, input: { environment: SANDBOX,
              clientId: "made-up-client", clientSecret: "made-up-client-secret", apiKey: $k, businessName: "Simulated ISP", tillNumber: "K514459" }) { id } }
            """, new { o = _organization, k = BillingSeed.KopoKopoApiKey });
    }

    [Test]
    public async Task Credential_tests_succeed_and_are_recorded()
    {
        var mpesa = await GraphQLAsync("mutation($o: ID!) { testMpesaCredentials(organizationId: $o) { success error testedAt organization { mpesaConfig { credentialsVerified lastTestedAt lastTestError } } } }",
            new { o = _organization });
        var kopoKopo = await GraphQLAsync("mutation($o: ID!) { testKopoKopoCredentials(organizationId: $o) { success error testedAt organization { kopokopoConfig { credentialsVerified lastTestedAt lastTestError } } } }",
            new { o = _organization });

        var m = mpesa["testMpesaCredentials"]!;
        Assert.That(m["success"]!.GetValue<bool>(), Is.True, mpesa.ToJsonString());
        Assert.That(m["error"], Is.Null);
        Assert.That(m["organization"]!["mpesaConfig"]!["credentialsVerified"]!.GetValue<bool>(), Is.True);
        Assert.That(m["organization"]!["mpesaConfig"]!["lastTestedAt"], Is.Not.Null);
        Assert.That(m["organization"]!["mpesaConfig"]!["lastTestError"], Is.Null);
        var k = kopoKopo["testKopoKopoCredentials"]!;
        Assert.That(k["success"]!.GetValue<bool>(), Is.True, kopoKopo.ToJsonString());
        Assert.That(k["organization"]!["kopokopoConfig"]!["credentialsVerified"]!.GetValue<bool>(), Is.True);
        Assert.That(k["organization"]!["kopokopoConfig"]!["lastTestedAt"], Is.Not.Null);

        // Recorded, not only answered: a fresh read shows the same.
        var read = await GraphQLAsync("query($o: ID!) { organization(id: $o) { mpesaConfig { credentialsVerified } kopokopoConfig { credentialsVerified } } }",
            new { o = _organization });
        Assert.That(read["organization"]!.ToJsonString(),
            Is.EqualTo("{\"mpesaConfig\":{\"credentialsVerified\":true},\"kopokopoConfig\":{\"credentialsVerified\":true}}"));
    }

    [Test]
    public async Task Activating_kopokopo_registers_six_active_webhook_subscriptions_at_the_webhook_route()
    {
        var result = await GraphQLAsync("mutation($o: ID!) { setPaymentMethod(organizationId: $o, input: { paymentMethod: KOPOKOPO }) { success message organization { paymentMethod kopokopoState kopokopoConfig { webhookSubscriptions { eventType scope scopeReference status lastError } } } } }",
            new { o = _organization });
        try
        {
            var payload = result["setPaymentMethod"]!;
            Assert.That(payload["success"]!.GetValue<bool>(), Is.True, result.ToJsonString());
            Assert.That(payload["organization"]!["paymentMethod"]!.GetValue<string>(), Is.EqualTo("KOPOKOPO"));
            Assert.That(payload["organization"]!["kopokopoState"]!.GetValue<string>(), Is.EqualTo("ACTIVE"));
            var subscriptions = payload["organization"]!["kopokopoConfig"]!["webhookSubscriptions"]!.AsArray();
            Assert.That(subscriptions.Select(s => s!["eventType"]!.GetValue<string>()), Is.EquivalentTo(new[]
            {
                "buygoods_transaction_received", "buygoods_transaction_reversed", "b2b_transaction_received",
                "m2m_transaction_received", "settlement_transfer_completed", "customer_created",
            }));
            Assert.That(subscriptions.Select(s => s!["status"]!.GetValue<string>()), Is.All.EqualTo("ACTIVE"));
            Assert.That(subscriptions.Select(s => s!["lastError"]), Is.All.Null);

            // The simulator holds them, pointed at our webhook route.
            var state = Api.Services.GetRequiredService<Hotspot.Providers.KopoKopo.Simulator.KopoKopoSimulatorState>();
            var urls = state.SubscriptionsOf("made-up-client").Select(s => s.Url).ToList();
            Assert.That(urls, Has.Count.EqualTo(6));
            Assert.That(urls, Is.All.EqualTo($"{BillingApi.BaseUrl}/api/payments/kopokopo/callback/{_organization}/buygoods"));
        }
        finally
        {
            await GraphQLAsync("mutation($o: ID!) { setPaymentMethod(organizationId: $o, input: { paymentMethod: MPESA }) { success } }", new { o = _organization });
        }
    }

    [Test]
    public async Task A_paid_mpesa_purchase_is_refunded_by_b2c()
    {
        await GraphQLAsync("mutation($o: ID!) { setPaymentMethod(organizationId: $o, input: { paymentMethod: MPESA }) { success } }", new { o = _organization });
        var plan = await GraphQLAsync("mutation($o: ID!) { createPlan(organizationId: $o, input: { name: \"Refundable hour\", priceKes: 30, durationSeconds: 3600 }) { id } }",
            new { o = _organization });
        var purchaseId = await Portal.StartAsync(Client, Guid.Parse(_organization), Guid.Parse(plan["createPlan"]!["id"]!.GetValue<string>()), SandboxScenarios.SuccessPhone);
        var paid = await Portal.WaitForOutcomeAsync(Client, purchaseId);
        Assert.That(paid.GetProperty("status").GetString(), Is.EqualTo("PAID"));

        var refund = await GraphQLAsync("mutation($p: ID!) { refundPurchase(purchaseId: $p, input: { amountKes: 30, reason: \"Wrong plan\" }) { success providerRequestId message } }",
            new { p = purchaseId });

        var payload = refund["refundPurchase"]!;
        Assert.That(payload["success"]!.GetValue<bool>(), Is.True, refund.ToJsonString());
        var conversationId = payload["providerRequestId"]!.GetValue<string>();
        Assert.That(conversationId, Is.Not.Empty);
        // The simulator's B2C result reaches our B2C result route and is stored once.
        var stored = await WaitForAsync(async db => await db.MpesaTransactions.AsNoTracking()
            .CountAsync(t => t.OrganizationId == Guid.Parse(_organization) && t.Kind == MpesaTransactionKind.B2CResult));
        Assert.That(stored, Is.EqualTo(1));
    }

    [Test]
    public async Task Kopokopo_pay_succeeds_through_graphql_and_rest_and_is_recorded()
    {
        var sent = await GraphQLAsync("mutation($o: ID!) { sendMoney(organizationId: $o, input: { phoneNumber: \"0708374149\", amountKes: 150, reason: \"Agent float\" }) { success providerRequestId message } }",
            new { o = _organization });
        Assert.That(sent["sendMoney"]!["success"]!.GetValue<bool>(), Is.True, sent.ToJsonString());
        Assert.That(sent["sendMoney"]!["providerRequestId"]!.GetValue<string>(), Is.Not.Empty);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/kopokopo/pay")
        {
            Content = JsonContent.Create(new { organizationId = _organization, phoneNumber = "254708374149", amountKes = 200, reason = "Refund by till" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        Assert.That(JsonNode.Parse(body)!["providerRequestId"]!.GetValue<string>(), Is.Not.Empty);

        using var anonymous = await Client.PostAsJsonAsync("/api/payments/kopokopo/pay",
            new { organizationId = _organization, phoneNumber = "254708374149", amountKes = 200, reason = "No token" });
        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var organizationId = Guid.Parse(_organization);
        // Each payment is recorded when Kopo Kopo accepts it (raw body "{}"), and its result comes back signed to the
        // send-money callback route and is kept as KOPOKOPO_SEND_MONEY too, never as a B2B webhook.
        var all = await WaitForAsync(async db => await db.KopoKopoTransactions.AsNoTracking()
            .CountAsync(t => t.OrganizationId == organizationId && t.Type == KopoKopoTransactionType.SendMoney), expected: 4);
        Assert.That(all, Is.EqualTo(4));
        using (var check = await Api.Contexts.CreateDbContextAsync())
        {
            var requests = await check.KopoKopoTransactions.AsNoTracking()
                .Where(t => t.OrganizationId == organizationId && t.Type == KopoKopoTransactionType.SendMoney && t.RawBody == "{}")
                .Select(t => t.AmountKes).ToListAsync();
            Assert.That(requests, Is.EquivalentTo(new long?[] { 150, 200 }));
        }
        // The two results answer our payouts: processed, not kept for review.
        var processed = await WaitForAsync(async db => await db.KopoKopoTransactions.AsNoTracking().CountAsync(t => t.OrganizationId == organizationId
            && t.Type == KopoKopoTransactionType.SendMoney && t.RawBody != "{}" && t.Status == CallbackStatus.Processed), expected: 2);
        Assert.That(processed, Is.EqualTo(2));
        using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That(await db.KopoKopoTransactions.CountAsync(t => t.OrganizationId == organizationId && t.Type == KopoKopoTransactionType.B2B), Is.Zero);
        Assert.That(await db.KopoKopoTransactions.CountAsync(t => t.OrganizationId == organizationId && t.Status == CallbackStatus.NeedsReview), Is.Zero);
    }

    private async Task<int> WaitForAsync(Func<HotspotDbContext, Task<int>> count, int expected = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var db = await Api.Contexts.CreateDbContextAsync();
            var found = await count(db);
            if (found >= expected || DateTime.UtcNow > deadline)
                return found;
            await Task.Delay(100);
        }
    }

    private async Task<JsonNode> GraphQLAsync(string query, object? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (_token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var result = JsonNode.Parse(text)!;
        Assert.That(result["errors"], Is.Null, text);
        return result["data"]!;
    }
}
