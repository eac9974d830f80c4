using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Providers.Simulation;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// All payment state lives in the database: an API stopped in the middle of a purchase and started again on the
/// same database finishes it; purchases with no outcome expire.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class RestartAndReconcilerTests(DatabaseProvider provider)
{
    [Test]
    public async Task A_restart_in_the_middle_of_a_purchase_loses_nothing()
    {
        await using var database = await BillingDatabase.CreateAsync(provider);
        Guid organizationId, paidId, lostId;
        Hotspot.Providers.Daraja.Simulator.DarajaSimulatorState providerState;
        await using (var first = new BillingApi(database, new Dictionary<string, string?> { ["Payments:ReconcilerEnabled"] = "false" }))
        {
            using var client = first.CreateClient();
            var organization = await first.DemoOrganizationAsync();
            var plan = await first.DemoPlanAsync();
            organizationId = organization.Id;
            paidId = await Portal.StartAsync(client, organization.Id, plan.Id, SandboxScenarios.SuccessPhone);
            lostId = await Portal.StartAsync(client, organization.Id, plan.Id, SandboxScenarios.LostCallbackPhone);
            Assert.That((await Portal.WaitForOutcomeAsync(client, paidId)).GetProperty("status").GetString(), Is.EqualTo("PAID"));
            await Task.Delay(300);
            Assert.That((await Portal.GetAsync(client, lostId)).GetProperty("status").GetString(), Is.EqualTo("PENDING"));
            providerState = first.DarajaState;
        }

        await using var second = new BillingApi(database, darajaState: providerState);
        using var again = second.CreateClient();

        var paid = await Portal.GetAsync(again, paidId);
        var lost = await Portal.WaitForOutcomeAsync(again, lostId);

        Assert.That(paid.GetProperty("status").GetString(), Is.EqualTo("PAID"));
        Assert.That(paid.GetProperty("voucherCode").GetString(), Is.Not.Empty);
        Assert.That(lost.GetProperty("status").GetString(), Is.EqualTo("PAID"), "the reconciler of the new instance settles it");
        Assert.That((await second.DemoOrganizationAsync()).Id, Is.EqualTo(organizationId), "the demo organization is seeded once");
        await using var db = await second.Contexts.CreateDbContextAsync();
        Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == paidId || v.PurchaseId == lostId), Is.EqualTo(2));
    }

    [Test]
    public async Task A_purchase_with_no_outcome_expires()
    {
        await using var database = await BillingDatabase.CreateAsync(provider);
        await using var api = new BillingApi(database, new Dictionary<string, string?> { ["Payments:ExpireAfter"] = "00:00:02" });
        using var client = api.CreateClient();
        var organization = await BillingSeed.OrganizationAsync(api, "Expiring hotspot", PaymentMethodType.Mpesa);
        // A request id the provider has never heard of: its query cannot say anything.
        var purchase = await BillingSeed.PendingPurchaseAsync(api, organization.Id, "ws_CO_unknown_" + Guid.NewGuid().ToString("N"));

        var outcome = await Portal.WaitForOutcomeAsync(client, purchase.Id, TimeSpan.FromSeconds(20));

        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("EXPIRED"));
        Assert.That(outcome.GetProperty("failureReason").GetString(), Does.Contain("No confirmation"));
        await using var db = await api.Contexts.CreateDbContextAsync();
        Assert.That((await db.Purchases.SingleAsync(p => p.Id == purchase.Id)).CheckAttempts, Is.GreaterThan(0));
    }

    [Test]
    public async Task Only_one_instance_reconciles_at_a_time()
    {
        await using var database = await BillingDatabase.CreateAsync(provider);
        await using var first = new BillingApi(database);
        await using var second = new BillingApi(database);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        await Task.Delay(1000); // both have tried to take the lease several times

        await using var db = await first.Contexts.CreateDbContextAsync();
        var holders = await db.Leases.Where(l => l.Name == Hotspot.Api.Payments.PaymentReconciler.LeaseName).Select(l => l.Holder).ToListAsync();
        Assert.That(holders, Has.Count.EqualTo(1));
    }
}
