using System.Net;
using System.Text.Json;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Providers.Simulation;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// Every simulator outcome through the real routes: portal purchase, STK push to the simulator, the simulator's
/// callback to our route (or its absence, settled by the reconciler), and the purchase's final state.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class PurchaseOutcomeTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    [TestCase(SandboxScenarios.SuccessPhone, "PAID", null)]
    [TestCase(SandboxScenarios.CancelledPhone, "CANCELLED", "cancelled")]
    [TestCase(SandboxScenarios.UnreachablePhone, "FAILED", "could not be reached")]
    [TestCase(SandboxScenarios.InsufficientFundsPhone, "FAILED", "balance is not enough")]
    [TestCase(SandboxScenarios.WrongPinPhone, "FAILED", "PIN was wrong")]
    [TestCase(SandboxScenarios.LostCallbackPhone, "PAID", null)]
    [TestCase(SandboxScenarios.DuplicateCallbackPhone, "PAID", null)]
    [TestCase(SandboxScenarios.LateCallbackPhone, "PAID", null)]
    public async Task Each_mpesa_outcome_ends_in_the_right_state(string phone, string status, string? reason)
    {
        var organization = await Api.DemoOrganizationAsync();
        var plan = await Api.DemoPlanAsync();

        var purchaseId = await Portal.StartAsync(Client, organization.Id, plan.Id, phone);
        var purchase = await Portal.WaitForOutcomeAsync(Client, purchaseId);

        Assert.That(purchase.GetProperty("status").GetString(), Is.EqualTo(status));
        if (status == "PAID")
        {
            Assert.That(purchase.GetProperty("voucherCode").GetString(), Is.Not.Null.And.Not.Empty);
            Assert.That(purchase.GetProperty("expiresAt").GetDateTime(), Is.GreaterThan(DateTime.UtcNow.AddMinutes(50)));
        }
        else
        {
            Assert.That(purchase.GetProperty("voucherCode").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(purchase.GetProperty("failureReason").GetString(), Does.Contain(reason));
        }
        await WaitForQuietAsync(purchaseId);
        Assert.That(await VouchersOfAsync(purchaseId), Is.EqualTo(status == "PAID" ? 1 : 0));
    }

    [Test]
    public async Task A_provider_error_at_request_fails_the_purchase_at_once()
    {
        var organization = await Api.DemoOrganizationAsync();
        var plan = await Api.DemoPlanAsync();

        using var response = await Portal.PurchaseAsync(Client, organization.Id, plan.Id, SandboxScenarios.ProviderErrorPhone);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(json.RootElement.GetProperty("code").GetString(), Is.EqualTo("PROVIDER_ERROR"));
        var purchase = await Portal.GetAsync(Client, json.RootElement.GetProperty("purchaseId").GetGuid());
        Assert.That(purchase.GetProperty("status").GetString(), Is.EqualTo("FAILED"));
        Assert.That(purchase.GetProperty("failureReason").GetString(), Does.Contain("No money was taken"));
    }

    [Test]
    public async Task A_duplicated_callback_is_stored_once_and_issues_one_voucher()
    {
        var organization = await Api.DemoOrganizationAsync();
        var plan = await Api.DemoPlanAsync();

        var purchaseId = await Portal.StartAsync(Client, organization.Id, plan.Id, SandboxScenarios.DuplicateCallbackPhone);
        await Portal.WaitForOutcomeAsync(Client, purchaseId);
        await Task.Delay(500); // the second delivery

        await using var db = await Api.Contexts.CreateDbContextAsync();
        var purchase = await db.Purchases.SingleAsync(p => p.Id == purchaseId);
        Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
        var rows = await db.MpesaTransactions.Where(t => t.CheckoutRequestId == purchase.ProviderRequestId).ToListAsync();
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That(rows[0].Status, Is.EqualTo(CallbackStatus.Settled));
        Assert.That(rows[0].RawBody, Does.Contain(purchase.ProviderRequestId));
        Assert.That(await VouchersOfAsync(purchaseId), Is.EqualTo(1));
    }

    [TestCase(SandboxScenarios.SuccessPhone, "PAID")]
    [TestCase(SandboxScenarios.CancelledPhone, "CANCELLED")]
    [TestCase(SandboxScenarios.InsufficientFundsPhone, "FAILED")]
    [TestCase(SandboxScenarios.LostCallbackPhone, "PAID")]
    public async Task Kopo_kopo_outcomes_end_in_the_right_state(string phone, string status)
    {
        var organization = await KopoKopoOrganizationAsync();
        Guid planId;
        await using (var db = await Api.Contexts.CreateDbContextAsync())
            planId = await db.Plans.Where(p => p.OrganizationId == organization.Id).Select(p => p.Id).FirstAsync();

        var purchaseId = await Portal.StartAsync(Client, organization.Id, planId, phone, "/api/hotspot/purchase-voucher-kopokopo");
        var purchase = await Portal.WaitForOutcomeAsync(Client, purchaseId);

        Assert.That(purchase.GetProperty("status").GetString(), Is.EqualTo(status));
        await using var check = await Api.Contexts.CreateDbContextAsync();
        var stored = await check.Purchases.SingleAsync(p => p.Id == purchaseId);
        Assert.That(stored.PaymentMethod, Is.EqualTo(PaymentMethodType.KopoKopo));
        Assert.That(await VouchersOfAsync(purchaseId), Is.EqualTo(status == "PAID" ? 1 : 0));
        if (phone != SandboxScenarios.LostCallbackPhone)
            Assert.That(await check.KopoKopoTransactions.AnyAsync(t => t.PaymentRequestId == stored.ProviderRequestId
                && t.Type == KopoKopoTransactionType.IncomingPayment), Is.True);
    }

    private Organization? _kopoKopoOrganization;

    /// <summary>A second organization, Kopo Kopo active, against the simulator.</summary>
    private async Task<Organization> KopoKopoOrganizationAsync()
    {
        if (_kopoKopoOrganization is not null)
            return _kopoKopoOrganization;
        var organization = await BillingSeed.OrganizationAsync(Api, "Kopo Kopo hotspot", PaymentMethodType.KopoKopo);
        return _kopoKopoOrganization = organization;
    }

    private async Task<int> VouchersOfAsync(Guid purchaseId)
    {
        await using var db = await Api.Contexts.CreateDbContextAsync();
        return await db.Vouchers.CountAsync(v => v.PurchaseId == purchaseId);
    }

    /// <summary>Late or second deliveries of the same outcome must change nothing; give them time to arrive.</summary>
    private static Task WaitForQuietAsync(Guid purchaseId) => Task.Delay(200);
}
