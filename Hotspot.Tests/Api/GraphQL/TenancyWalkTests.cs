using System.Text.Json.Nodes;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.GraphQL;

/// <summary>
/// Walks every field and mutation of the served schema (from introspection) as a user of organization A against
/// organization B's ids, and as a viewer of A against A: nothing of B is read, nothing is changed.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class TenancyWalkTests(DatabaseProvider provider)
{
    private const string Password = "walker-password-123";
    private static readonly string[] BravoMarkers = ["Bravo Tenant Marker", "BravoPlanMarker", "BRAVORECEIPT1", "BRAVOREF2", "bravo-admin@b.test", "254799000111"];

    private AdminApi _api = null!;
    private SchemaWalker _walker = null!;
    private string _platform = null!;
    private Ids _alpha = null!;
    private Ids _bravo = null!;
    private string _alphaAdmin = null!;
    private string _alphaViewer = null!;

    private sealed record Ids(string Organization, string Plan, string Voucher, string Purchase, string User, string Router);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await AdminApi.StartAsync(provider);
        _platform = await _api.LoginAsync(AdminApi.AdminEmail, AdminApi.AdminPassword);
        _walker = new SchemaWalker(await _api.PostAsync(SchemaWalker.IntrospectionQuery));
        _alpha = await SeedAsync("Alpha Tenant", "AlphaPlan", "ALPHARECEIPT", "ALPHAREF", "alpha-admin@a.test", "0712000111");
        _bravo = await SeedAsync("Bravo Tenant Marker", "BravoPlanMarker", "BRAVORECEIPT1", "BRAVOREF2", "bravo-admin@b.test", "0799000111");
        await CreateUserAsync("alpha-viewer@a.test", "ORGANIZATION_VIEWER", _alpha.Organization);
        _alphaAdmin = await _api.LoginAsync("alpha-admin@a.test", Password);
        _alphaViewer = await _api.LoginAsync("alpha-viewer@a.test", Password);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    private async Task<string> CreateUserAsync(string email, string role, string organization)
    {
        var user = await _api.PostAsync("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
            new { i = new { email, password = Password, role, organizationId = organization } }, _platform);
        Assert.That(user["errors"], Is.Null, user.ToJsonString());
        return user["data"]!["createUser"]!["id"]!.GetValue<string>();
    }

    private async Task<Ids> SeedAsync(string name, string planName, string receipt, string reference, string adminEmail, string phone)
    {
        var org = (await _api.PostAsync("mutation($n: String!) { createOrganization(input: { name: $n }) { id } }", new { n = name }, _platform))
            ["data"]!["createOrganization"]!["id"]!.GetValue<string>();
        await _api.PostAsync("""
            mutation($o: ID!) { updateMpesaConfiguration(organizationId: $o, input: { environment: SANDBOX, shortCode: "174379",
              transactionType: PAYBILL, consumerKey: "walk-consumer-key", consumerSecret: "walk-consumer-secret", passkey: "walk-passkey" }) { id } }
            """, new { o = org }, _platform);
        var plan = (await _api.PostAsync("mutation($o: ID!, $n: String!) { createPlan(organizationId: $o, input: { name: $n, priceKes: 30, durationSeconds: 3600 }) { id } }",
            new { o = org, n = planName }, _platform))["data"]!["createPlan"]!["id"]!.GetValue<string>();
        var voucher = (await _api.PostAsync("mutation($o: ID!, $p: ID!) { generateVouchers(organizationId: $o, input: { planId: $p, count: 2 }) { vouchers { id } } }",
            new { o = org, p = plan }, _platform))["data"]!["generateVouchers"]!["vouchers"]![0]!["id"]!.GetValue<string>();
        var user = await CreateUserAsync(adminEmail, "ORGANIZATION_ADMIN", org);
        var router = await _api.PostAsync("mutation($o: ID!, $n: String!) { registerRouter(organizationId: $o, input: { name: $n, nasIdentifier: $n }) { id } }",
            new { o = org, n = planName + "-router-" + Guid.NewGuid().ToString("N")[..8] }, _platform);
        Assert.That(router["errors"], Is.Null, router.ToJsonString());

        var databases = _api.Api.Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>();
        await using var db = await databases.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var storedPlan = await db.Plans.SingleAsync(p => p.Id == Guid.Parse(plan));
        var purchase = Purchase.Create(storedPlan, KenyanPhoneNumber.Parse(phone), null, PaymentMethodType.Mpesa, now);
        purchase.Settle(30, receipt, now);
        db.Purchases.Add(purchase);
        db.MpesaTransactions.Add(MpesaTransaction.Receive(Guid.Parse(org), MpesaTransactionKind.StkCallback, "{}", now, receiptNumber: receipt, amountKes: 30));
        db.KopoKopoTransactions.Add(KopoKopoTransaction.Receive(Guid.Parse(org), KopoKopoTransactionType.BuyGoods, "{}", now, reference: reference, amountKes: 30));
        await db.SaveChangesAsync();
        return new Ids(org, plan, voucher, purchase.Id.ToString(), user, router["data"]!["registerRouter"]!["id"]!.GetValue<string>());
    }

    private string DeepOrganization => _walker.Selection("Organization", 3);

    private async Task<string> SnapshotAsync(string organization) =>
        await _api.PostRawAsync($"query($o: ID!) {{ organization(id: $o) {DeepOrganization} }}", new { o = organization }, _platform);

    [Test]
    public async Task The_deep_walk_reads_everything_of_an_organization_for_its_platform_admin()
    {
        var snapshot = await SnapshotAsync(_bravo.Organization);
        Assert.That(JsonNode.Parse(snapshot)!["errors"], Is.Null, snapshot);
        foreach (var marker in BravoMarkers) Assert.That(snapshot, Does.Contain(marker));
        Assert.That(snapshot, Does.Not.Contain("walk-consumer-secret").And.Not.Contain("walk-passkey"));
    }

    [Test]
    public async Task A_user_of_A_reads_nothing_of_B_through_any_field()
    {
        foreach (var field in _walker.Fields("Organization"))
        {
            var name = SchemaWalker.Name(field);
            var single = _walker.IsLeaf(field) ? name : $"{name} {_walker.Selection(SchemaWalker.NamedType(field["type"]!), 2)}";
            var text = await _api.PostRawAsync($"query($o: ID!) {{ organization(id: $o) {{ {single} }} }}", new { o = _bravo.Organization }, _alphaAdmin);
            var result = JsonNode.Parse(text)!.AsObject();
            Assert.That(AdminApi.Code(result), Is.EqualTo("NOT_FOUND"), $"Organization.{name}: {text}");
            Assert.That(result["data"]?["organization"], Is.Null, name);
            AssertNoBravo(text, "Organization." + name);
        }

        foreach (var root in new[] { "organizations", "me" })
        {
            var selection = _walker.Selection(root == "me" ? "User" : "Organization", 3);
            var text = await _api.PostRawAsync($"{{ {root} {selection} }}", token: _alphaAdmin);
            Assert.That(JsonNode.Parse(text)!["errors"], Is.Null, text);
            Assert.That(text, Does.Contain("Alpha Tenant"));
            AssertNoBravo(text, root);
        }
    }

    [Test]
    public async Task A_user_of_A_changes_nothing_of_B_through_any_mutation()
    {
        var before = await SnapshotAsync(_bravo.Organization);
        foreach (var mutation in _walker.Fields("Mutation").Where(f => SchemaWalker.Name(f) != "login"))
        {
            var name = SchemaWalker.Name(mutation);
            var text = await RunMutationAsync(mutation, _bravo, _alphaAdmin);
            var result = JsonNode.Parse(text)!.AsObject();
            Assert.That(AdminApi.Code(result), Is.AnyOf("NOT_FOUND", "FORBIDDEN"), $"{name}: {text}");
            Assert.That(result["data"], Is.Null, name);
            AssertNoBravo(text, name);
        }
        Assert.That(await SnapshotAsync(_bravo.Organization), Is.EqualTo(before));
        var bravoAdmin = await _api.LoginAsync("bravo-admin@b.test", Password);
        Assert.That(bravoAdmin, Is.Not.Empty, "B's admin is still active");
    }

    [Test]
    public async Task A_viewer_changes_nothing_of_their_own_organization()
    {
        var before = await SnapshotAsync(_alpha.Organization);
        foreach (var mutation in _walker.Fields("Mutation").Where(f => SchemaWalker.Name(f) != "login"))
        {
            var text = await RunMutationAsync(mutation, _alpha, _alphaViewer);
            var result = JsonNode.Parse(text)!.AsObject();
            Assert.That(AdminApi.Code(result), Is.EqualTo("FORBIDDEN"), $"{SchemaWalker.Name(mutation)}: {text}");
            Assert.That(result["data"], Is.Null);
        }
        Assert.That(await SnapshotAsync(_alpha.Organization), Is.EqualTo(before));
        var read = await _api.PostAsync($"query($o: ID!) {{ organization(id: $o) {DeepOrganization} }}", new { o = _alpha.Organization }, _alphaViewer);
        Assert.That(read["errors"], Is.Null, "viewers read everything of their organization");
    }

    [Test]
    public async Task Anonymous_requests_get_UNAUTHENTICATED_from_every_organization_path()
    {
        var result = await _api.PostAsync("query($o: ID!) { organization(id: $o) { name } }", new { o = _bravo.Organization });
        Assert.That(AdminApi.Code(result), Is.EqualTo("UNAUTHENTICATED"));
        foreach (var mutation in _walker.Fields("Mutation").Where(f => SchemaWalker.Name(f) != "login"))
        {
            var text = await RunMutationAsync(mutation, _bravo, token: null);
            Assert.That(AdminApi.Code(JsonNode.Parse(text)!.AsObject()), Is.AnyOf("UNAUTHENTICATED", "NOT_FOUND"), text);
            AssertNoBravo(text, SchemaWalker.Name(mutation));
        }
    }

    private async Task<string> RunMutationAsync(JsonObject mutation, Ids target, string? token)
    {
        var name = SchemaWalker.Name(mutation);
        var args = mutation["args"]!.AsArray()
            .Select(a => $"{SchemaWalker.Name(a!.AsObject())}: {_walker.Literal(a["type"]!, SchemaWalker.Name(a.AsObject()), (type, field) => Scalar(type, field, target))}");
        var argumentList = args.Any() ? "(" + string.Join(", ", args) + ")" : "";
        var selection = _walker.Selection(SchemaWalker.NamedType(mutation["type"]!), 1);
        return await _api.PostRawAsync($"mutation {{ {name}{argumentList} {selection} }}", token: token);
    }

    private static string Scalar(string type, string field, Ids target) => type switch
    {
        "ID" => "\"" + (field switch
        {
            "planId" => target.Plan,
            "voucherId" => target.Voucher,
            "purchaseId" => target.Purchase,
            "userId" => target.User,
            "routerId" => target.Router,
            _ => target.Organization,
        }) + "\"",
        "String" => field switch
        {
            "email" => "\"walker@walk.test\"",
            "phoneNumber" => "\"0712345678\"",
            "password" => "\"walker-password-123\"",
            _ => "\"Walk1234\"",
        },
        "Int" => "1",
        "Long" => "100",
        "Boolean" => "true",
        "DateTime" => "\"2026-01-01T00:00:00Z\"",
        _ => throw new InvalidOperationException("No walk value for scalar " + type),
    };

    private static void AssertNoBravo(string text, string path)
    {
        foreach (var marker in BravoMarkers) Assert.That(text, Does.Not.Contain(marker), path);
    }
}
