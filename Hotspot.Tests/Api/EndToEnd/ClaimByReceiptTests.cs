using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// <c>POST /api/hotspot/claim</c> on the real API: a paid purchase's voucher by its receipt (the same every time), a
/// payment to the paybill that no purchase started (a voucher of the dearest plan it covers, exactly once, even
/// claimed in parallel; the rest stays in review), masked and hashed payer numbers, and misses that all look alike.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ClaimByReceiptTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    private Organization _organization = null!;
    private Organization _other = null!;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:ReconcilerEnabled"] = "false",
        ["RateLimits:ClaimsPerAddressPerMinute"] = "100000",
        ["RateLimits:ClaimsPerReceiptPerMinute"] = "100000",
    };

    protected override async Task SeedAsync()
    {
        _organization = await BillingSeed.OrganizationAsync(Api, "Claim hotspot", PaymentMethodType.Mpesa, priceKes: 20);
        _other = await BillingSeed.OrganizationAsync(Api, "Other claim hotspot", PaymentMethodType.Mpesa, priceKes: 20);
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        db.Plans.Add(Plan.Create(_organization.Id, new PlanSettings("Day", 50, TimeSpan.FromDays(1)), now.AddSeconds(1)));
        db.Plans.Add(Plan.Create(_organization.Id, new PlanSettings("Week", 300, TimeSpan.FromDays(7)), now.AddSeconds(2)));
        var archived = Plan.Create(_organization.Id, new PlanSettings("Old day", 55, TimeSpan.FromDays(1)), now.AddSeconds(3));
        archived.Archive(now);
        db.Plans.Add(archived);
        await db.SaveChangesAsync();
    }

    [Test]
    public async Task A_paid_purchase_gives_its_own_voucher_every_time()
    {
        var checkout = "ws_CO_claim_" + Guid.NewGuid().ToString("N");
        var purchase = await ReviewPayments.PendingPurchaseAsync(Api, _organization.Id, checkout);
        var receipt = ReviewPayments.NewReceipt();
        (await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_organization.Id, _organization.DarajaCallbackToken),
            Callbacks.StkSuccess(checkout, 20, receipt))).Dispose();
        string expected;
        await using (var db = await Api.Contexts.CreateDbContextAsync())
        {
            var paid = await db.Purchases.AsNoTracking().SingleAsync(p => p.Id == purchase.Id);
            Assert.That(paid.Status, Is.EqualTo(PurchaseStatus.Paid));
            expected = (await db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == paid.VoucherId)).Code;
        }

        var first = await ClaimAsync(_organization.Id, receipt, "0712 345 678");
        var second = await ClaimAsync(_organization.Id, receipt.ToLowerInvariant(), "+254712345678");

        Assert.That(first.Status, Is.EqualTo(HttpStatusCode.OK), first.Body.ToString());
        Assert.That(first.Body.GetProperty("voucherCode").GetString(), Is.EqualTo(expected));
        Assert.That(first.Body.GetProperty("planName").GetString(), Is.EqualTo("Test plan"));
        Assert.That(second.Body.GetProperty("voucherCode").GetString(), Is.EqualTo(expected));
        await using var check = await Api.Contexts.CreateDbContextAsync();
        Assert.That(await check.Purchases.CountAsync(p => p.ProviderReceipt == receipt), Is.EqualTo(1));
    }

    [Test]
    public async Task A_payment_to_the_paybill_buys_the_dearest_plan_it_covers_once_and_the_rest_stays_in_review()
    {
        var receipt = ReviewPayments.NewReceipt();
        var payment = await ReviewPayments.C2BConfirmationAsync(Api, Client, _organization, 60, receipt, msisdn: "2547 ***** 678");

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ClaimAsync(_organization.Id, receipt, "0712345678")));

        Assert.That(claims.Select(c => c.Status), Is.All.EqualTo(HttpStatusCode.OK), string.Join("\n", claims.Select(c => c.Body.ToString())));
        var codes = claims.Select(c => c.Body.GetProperty("voucherCode").GetString()).Distinct().ToList();
        Assert.That(codes, Has.Count.EqualTo(1));
        Assert.That(claims[0].Body.GetProperty("planName").GetString(), Is.EqualTo("Day"), "60 KES: the dearest plan on sale it covers");
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var purchase = await db.Purchases.AsNoTracking().SingleAsync(p => p.OrganizationId == _organization.Id && p.ProviderReceipt == receipt);
        Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(purchase.AmountKes, Is.EqualTo(50));
        Assert.That(purchase.PhoneNumber, Is.EqualTo("254712345678"));
        Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == purchase.Id), Is.EqualTo(1));
        var row = await db.MpesaTransactions.AsNoTracking().SingleAsync(t => t.Id == payment);
        Assert.That(row.Status, Is.EqualTo(CallbackStatus.NeedsReview));
        Assert.That(row.ReviewReason, Does.Contain("10 KES"));
        Assert.That(row.Resolution, Is.EqualTo(PaymentResolutionAction.IssueVoucher));
        Assert.That(row.ResolvedBy, Is.EqualTo("portal claim"));
        Assert.That(row.ResolutionVoucherId, Is.EqualTo(purchase.VoucherId));
        Assert.That(await db.AuditLog.CountAsync(e => e.OrganizationId == _organization.Id && e.Details.Contains(payment.ToString())), Is.EqualTo(1));

        var later = await ClaimAsync(_organization.Id, receipt, "0712345678");
        Assert.That(later.Body.GetProperty("voucherCode").GetString(), Is.EqualTo(codes[0]));
    }

    [Test]
    public async Task A_payment_that_covers_a_plan_exactly_is_settled()
    {
        var receipt = ReviewPayments.NewReceipt();
        var payment = await ReviewPayments.C2BConfirmationAsync(Api, Client, _organization, 20, receipt);

        var claim = await ClaimAsync(_organization.Id, receipt, "254712345678");

        Assert.That(claim.Status, Is.EqualTo(HttpStatusCode.OK), claim.Body.ToString());
        Assert.That(claim.Body.GetProperty("planName").GetString(), Is.EqualTo("Test plan"));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That((await db.MpesaTransactions.AsNoTracking().SingleAsync(t => t.Id == payment)).Status, Is.EqualTo(CallbackStatus.Settled));
    }

    [Test]
    public async Task A_kopokopo_payment_kept_for_review_is_claimed_by_its_reference()
    {
        var reference = ReviewPayments.NewReceipt();
        var payment = await ReviewPayments.KopoKopoWrongAmountAsync(Api, Client, _organization, 50, reference);

        var claim = await ClaimAsync(_organization.Id, reference, "0712345678");

        Assert.That(claim.Status, Is.EqualTo(HttpStatusCode.OK), claim.Body.ToString());
        Assert.That(claim.Body.GetProperty("planName").GetString(), Is.EqualTo("Day"));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var row = await db.KopoKopoTransactions.AsNoTracking().SingleAsync(t => t.Id == payment);
        Assert.That(row.Status, Is.EqualTo(CallbackStatus.Settled));
        var purchase = await db.Purchases.AsNoTracking().SingleAsync(p => p.Id == row.PurchaseId);
        Assert.That(purchase.PaymentMethod, Is.EqualTo(PaymentMethodType.KopoKopo));
        Assert.That(purchase.ProviderReceipt, Is.EqualTo(reference));
    }

    [Test]
    public async Task A_payment_an_admin_already_decided_about_cannot_be_claimed()
    {
        var receipt = ReviewPayments.NewReceipt();
        var payment = await ReviewPayments.MpesaWrongAmountAsync(Api, Client, _organization, 50, receipt);
        var dismissed = await Api.Services.GetRequiredService<Hotspot.Api.Payments.PaymentResolutions>().ResolveAsync(_organization.Id, payment,
            PaymentResolutionAction.Dismiss, null, "Refunded in cash", "admin@claim.test", CancellationToken.None);
        Assert.That(dismissed.Success, Is.True);

        var claim = await ClaimAsync(_organization.Id, receipt, "0712345678");

        Assert.That(claim.Status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_hashed_payer_number_matches_the_number_that_paid()
    {
        var receipt = ReviewPayments.NewReceipt();
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("254712345678"u8.ToArray())).ToLowerInvariant();
        await ReviewPayments.C2BConfirmationAsync(Api, Client, _organization, 50, receipt, msisdn: hash);

        var wrong = await ClaimAsync(_organization.Id, receipt, "0712345679");
        var right = await ClaimAsync(_organization.Id, receipt, "0712345678");

        Assert.That(wrong.Status, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(right.Status, Is.EqualTo(HttpStatusCode.OK), right.Body.ToString());
    }

    [Test]
    public async Task Misses_all_look_alike_and_change_nothing()
    {
        var receipt = ReviewPayments.NewReceipt();
        var payment = await ReviewPayments.C2BConfirmationAsync(Api, Client, _organization, 50, receipt, msisdn: "2547******678");
        var failedCheckout = "ws_CO_claim_" + Guid.NewGuid().ToString("N");
        await ReviewPayments.PendingPurchaseAsync(Api, _organization.Id, failedCheckout);
        (await Callbacks.PostAsync(Client, Callbacks.DarajaUrl(_organization.Id, _organization.DarajaCallbackToken),
            Callbacks.StkFailure(failedCheckout, 1032, "Request cancelled by user"))).Dispose();

        var misses = new[]
        {
            await ClaimAsync(_organization.Id, ReviewPayments.NewReceipt(), "0712345678"), // unknown receipt
            await ClaimAsync(_organization.Id, receipt, "0712345679"), // another phone
            await ClaimAsync(_organization.Id, receipt, "0112345678"), // the masked number's visible head differs
            await ClaimAsync(_other.Id, receipt, "0712345678"), // another organization
            await ClaimAsync(Guid.NewGuid(), receipt, "0712345678"), // no such organization
        };

        Assert.That(misses.Select(m => m.Status), Is.All.EqualTo(HttpStatusCode.NotFound));
        var bodies = misses.Select(m => (m.Body.GetProperty("title").GetString(), m.Body.GetProperty("detail").GetString(), m.Body.GetProperty("code").GetString())).Distinct();
        Assert.That(bodies.Count(), Is.EqualTo(1));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        Assert.That(await db.Purchases.CountAsync(p => p.ProviderReceipt == receipt), Is.Zero);
        var row = await db.MpesaTransactions.AsNoTracking().SingleAsync(t => t.Id == payment);
        Assert.That(row.Resolution, Is.Null);
    }

    [Test]
    public async Task A_payment_too_small_for_any_plan_stays_for_the_hotspot()
    {
        var receipt = ReviewPayments.NewReceipt();
        await ReviewPayments.C2BConfirmationAsync(Api, Client, _organization, 5, receipt);

        var claim = await ClaimAsync(_organization.Id, receipt, "0712345678");

        Assert.That(claim.Status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(claim.Body.GetProperty("code").GetString(), Is.EqualTo("PAYMENT_IN_REVIEW"));
    }

    [Test]
    public async Task Malformed_requests_are_refused()
    {
        using var response = await Client.PostAsJsonAsync("/api/hotspot/claim", new { organizationId = "nope", receipt = "!", phoneNumber = "12" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(body, Does.Contain("organizationId").And.Contain("receipt").And.Contain("phoneNumber"));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ClaimAsync(Guid organizationId, string receipt, string phoneNumber)
    {
        using var response = await Client.PostAsJsonAsync("/api/hotspot/claim", new { organizationId, receipt, phoneNumber });
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
