using System.Net;
using System.Text;
using Hotspot.Api.Payments;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Providers.Simulation;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Hotspot.Tests.Api.Rest;

/// <summary>
/// The Daraja callback routes with a source allow-list (Safaricom's published addresses) behind one known reverse
/// proxy. Requests carry a real peer address (the test server's connection), so the forwarded-headers middleware,
/// the filter, settlement and the reconciler all run as deployed. Purchases are real sandbox purchases whose
/// callback the simulator loses, so only the callbacks sent here, or the reconciler's query, can settle them.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class DarajaCallbackSourceTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    private const string Safaricom = "196.201.214.200";
    private const string Stranger = "203.0.113.9";
    private const string Proxy = "10.20.0.2";

    private Organization _organization = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [DarajaCallbackSources.ConfigurationKey] = "safaricom",
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        // Long enough for a test's own callback to come first, short enough to watch the reconciler settle.
        ["Payments:ReconcileAfter"] = "00:00:02",
    };

    protected override async Task SeedAsync()
    {
        _organization = await BillingSeed.OrganizationAsync(Api, "Allow-list hotspot", PaymentMethodType.Mpesa);
    }

    [Test]
    public async Task A_callback_from_a_safaricom_address_settles_the_purchase()
    {
        var (purchaseId, checkout) = await StartPurchaseAsync();
        var receipt = NewReceipt();

        var (status, body) = await PostFromAsync(Safaricom, StkUrl(), Callbacks.StkSuccess(checkout, 20, receipt));

        Assert.That(status, Is.EqualTo(200), body);
        var purchase = await PurchaseAsync(purchaseId);
        Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(purchase.ProviderReceipt, Is.EqualTo(receipt));
    }

    [Test]
    public async Task A_callback_from_another_address_is_refused_kept_for_review_and_the_reconciler_settles_by_querying()
    {
        var (purchaseId, checkout) = await StartPurchaseAsync();
        var receipt = NewReceipt();
        var callback = Callbacks.StkSuccess(checkout, 20, receipt);

        var (status, body) = await PostFromAsync(Stranger, StkUrl(), callback);

        Assert.That(status, Is.EqualTo(403));
        Assert.That(body, Does.Contain("\"ResultCode\":1"));
        Assert.That((await PurchaseAsync(purchaseId)).Status, Is.EqualTo(PurchaseStatus.Pending));
        await using (var db = await Api.Contexts.CreateDbContextAsync())
        {
            var kept = await db.MpesaTransactions.AsNoTracking()
                .Where(t => t.OrganizationId == _organization.Id && t.RawBody.Contains(receipt)).ToListAsync();
            Assert.That(kept, Has.Count.EqualTo(1));
            Assert.That(kept[0].Status, Is.EqualTo(CallbackStatus.NeedsReview));
            Assert.That(kept[0].Kind, Is.EqualTo(MpesaTransactionKind.StkCallback));
            Assert.That(kept[0].ReviewReason, Does.Contain(Stranger));
            Assert.That(kept[0].PurchaseId, Is.Null);
            Assert.That(kept[0].CheckoutRequestId, Is.Null, "kept without ids, so it cannot stand in for the real callback");
            Assert.That(kept[0].ReceiptNumber, Is.Null);
        }

        var settled = await Portal.WaitForOutcomeAsync(Client, purchaseId);
        Assert.That(settled.GetProperty("status").GetString(), Is.EqualTo("PAID"), "the reconciler asks Daraja and settles");
        Assert.That((await PurchaseAsync(purchaseId)).ProviderReceipt, Is.Not.EqualTo(receipt));
    }

    [Test]
    public async Task X_forwarded_for_counts_only_from_the_known_proxy()
    {
        var (forgedId, forgedCheckout) = await StartPurchaseAsync();
        var (proxiedId, proxiedCheckout) = await StartPurchaseAsync();

        // A direct client claiming to be Safaricom, and one whose claim came through our proxy.
        var direct = await PostFromAsync(Stranger, StkUrl(), Callbacks.StkSuccess(forgedCheckout, 20, NewReceipt()), forwardedFor: Safaricom);
        var chained = await PostFromAsync(Proxy, StkUrl(), Callbacks.StkSuccess(forgedCheckout, 20, NewReceipt()), forwardedFor: $"{Safaricom}, {Stranger}");
        var proxyItself = await PostFromAsync(Proxy, StkUrl(), Callbacks.StkSuccess(forgedCheckout, 20, NewReceipt()));
        var receipt = NewReceipt();
        var proxied = await PostFromAsync(Proxy, StkUrl(), Callbacks.StkSuccess(proxiedCheckout, 20, receipt), forwardedFor: Safaricom);

        Assert.That(direct.Status, Is.EqualTo(403));
        Assert.That(chained.Status, Is.EqualTo(403));
        Assert.That(proxyItself.Status, Is.EqualTo(403));
        Assert.That((await PurchaseAsync(forgedId)).Status, Is.EqualTo(PurchaseStatus.Pending));
        Assert.That(proxied.Status, Is.EqualTo(200), proxied.Body);
        Assert.That((await PurchaseAsync(proxiedId)).ProviderReceipt, Is.EqualTo(receipt));
    }

    [TestCase("c2b/{0}/{1}/validation", MpesaTransactionKind.C2BValidation)]
    [TestCase("c2b/{0}/{1}/confirmation", MpesaTransactionKind.C2BConfirmation)]
    [TestCase("b2c/{0}/{1}/result", MpesaTransactionKind.B2CResult)]
    [TestCase("b2c/{0}/{1}/timeout", MpesaTransactionKind.B2CTimeout)]
    public async Task Every_daraja_route_refuses_other_addresses(string route, MpesaTransactionKind kind)
    {
        var url = "/api/payments/daraja/" + string.Format(route, _organization.Id, _organization.DarajaCallbackToken);
        var marker = Guid.NewGuid().ToString("N");
        var body = $$"""{"TransID":"{{marker}}"}""";

        var refused = await PostFromAsync(Stranger, url, body);
        var unknownOrganization = await PostFromAsync(Stranger, "/api/payments/daraja/" + string.Format(route, Guid.NewGuid(), "token"), body);
        var allowed = await PostFromAsync(Safaricom, url, body);

        Assert.That(refused.Status, Is.EqualTo(403));
        Assert.That(unknownOrganization.Status, Is.EqualTo(403));
        Assert.That(allowed.Status, Is.Not.EqualTo(403), "an allowed address reaches the route (which judges the body)");
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var kept = await db.MpesaTransactions.AsNoTracking().Where(t => t.RawBody.Contains(marker)).ToListAsync();
        Assert.That(kept.Count(t => t.Status == CallbackStatus.NeedsReview && t.Kind == kind && t.ReviewReason!.Contains(Stranger)), Is.EqualTo(1));
        Assert.That(kept.All(t => t.OrganizationId == _organization.Id));
    }

    [Test]
    public void Production_defaults_to_safaricom_addresses_and_other_environments_to_any()
    {
        var empty = new ConfigurationBuilder().Build();
        var production = DarajaCallbackSources.From(empty, Environment(Environments.Production));
        var development = DarajaCallbackSources.From(empty, Environment(Environments.Development));
        var configured = DarajaCallbackSources.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [DarajaCallbackSources.ConfigurationKey] = "10.1.0.0/16, 2001:db8::1",
        }).Build(), Environment(Environments.Development));

        Assert.That(production.IsEnabled, Is.True);
        Assert.That(DarajaCallbackSources.SafaricomAddresses.All(a => production.Allows(IPAddress.Parse(a))), Is.True);
        Assert.That(production.Allows(IPAddress.Parse("::ffff:" + Safaricom)), Is.True, "IPv4 through an IPv6 socket");
        Assert.That(production.Allows(IPAddress.Parse(Stranger)), Is.False);
        Assert.That(production.Allows(null), Is.False);
        Assert.That(development.IsEnabled, Is.False);
        Assert.That(development.Allows(IPAddress.Parse(Stranger)), Is.True);
        Assert.That(configured.Allows(IPAddress.Parse("10.1.200.3")), Is.True);
        Assert.That(configured.Allows(IPAddress.Parse("2001:db8::1")), Is.True);
        Assert.That(configured.Allows(IPAddress.Parse("10.2.0.1")), Is.False);
        Assert.Throws<InvalidOperationException>(() => DarajaCallbackSources.From(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { [DarajaCallbackSources.ConfigurationKey + ":0"] = "10.0.0.0/40" }).Build(), Environment(Environments.Production)));
    }

    private static IHostEnvironment Environment(string name) => new TestEnvironment { EnvironmentName = name };

    private string StkUrl() => Callbacks.DarajaUrl(_organization.Id, _organization.DarajaCallbackToken);

    private async Task<(Guid PurchaseId, string CheckoutRequestId)> StartPurchaseAsync()
    {
        Guid planId;
        await using (var db = await Api.Contexts.CreateDbContextAsync())
            planId = (await db.Plans.AsNoTracking().FirstAsync(p => p.OrganizationId == _organization.Id)).Id;
        var purchaseId = await Portal.StartAsync(Client, _organization.Id, planId, SandboxScenarios.LostCallbackPhone);
        var checkout = (await PurchaseAsync(purchaseId)).ProviderRequestId;
        Assert.That(checkout, Is.Not.Null);
        return (purchaseId, checkout!);
    }

    private async Task<Purchase> PurchaseAsync(Guid id)
    {
        await using var db = await Api.Contexts.CreateDbContextAsync();
        return await db.Purchases.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    /// <summary>Posts through the whole pipeline with <paramref name="address"/> as the TCP peer.</summary>
    private async Task<(int Status, string Body)> PostFromAsync(string address, string url, string body, string? forwardedFor = null)
    {
        var context = await Api.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = url;
            c.Request.ContentType = "application/json";
            c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
            c.Connection.RemoteIpAddress = IPAddress.Parse(address);
            if (forwardedFor is not null)
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }

    private static string NewReceipt() => "T" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Hotspot.Api";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
