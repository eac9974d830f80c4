using Hotspot.Domain;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Vouchers;

namespace Hotspot.Tests.Domain;

public class VoucherTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Plan Plan = Plan.Create(Guid.NewGuid(), new PlanSettings("Hour", 20, TimeSpan.FromHours(1)), Now);

    private static Purchase PaidPurchase()
    {
        var purchase = Purchase.Create(Plan, KenyanPhoneNumber.Parse("0712345678"), null, PaymentMethodType.Mpesa, Now);
        purchase.Settle(Plan.PriceKes, "R", Now);
        return purchase;
    }

    [Test]
    public void A_purchase_voucher_is_active_at_once_for_the_duration_bought()
    {
        var purchase = PaidPurchase();
        var voucher = Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), Now);
        Assert.Multiple(() =>
        {
            Assert.That(voucher.Status, Is.EqualTo(VoucherStatus.Active));
            Assert.That(voucher.Source, Is.EqualTo(VoucherSource.Purchase));
            Assert.That(voucher.PurchaseId, Is.EqualTo(purchase.Id));
            Assert.That(voucher.PlanId, Is.EqualTo(Plan.Id));
            Assert.That(voucher.OrganizationId, Is.EqualTo(Plan.OrganizationId));
            Assert.That(voucher.ActivatedAt, Is.EqualTo(Now));
            Assert.That(voucher.ExpiresAt, Is.EqualTo(Now.AddHours(1)));
        });
    }

    [Test]
    public void A_plan_change_after_the_purchase_does_not_change_what_was_bought()
    {
        var plan = Plan.Create(Guid.NewGuid(), new PlanSettings("Hour", 20, TimeSpan.FromHours(1)), Now);
        var purchase = Purchase.Create(plan, KenyanPhoneNumber.Parse("0712345678"), null, PaymentMethodType.Mpesa, Now);
        plan.Update(new PlanSettings("Hour", 30, TimeSpan.FromMinutes(30)), Now);
        purchase.Settle(20, "R", Now);
        var voucher = Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), Now);
        Assert.That(voucher.ExpiresAt, Is.EqualTo(Now.AddHours(1)));
    }

    [Test]
    public void An_unpaid_purchase_issues_no_voucher()
    {
        var purchase = Purchase.Create(Plan, KenyanPhoneNumber.Parse("0712345678"), null, PaymentMethodType.Mpesa, Now);
        Assert.Throws<DomainException>(() => Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), Now));
    }

    [Test]
    public void A_batch_voucher_waits_unused_until_activated()
    {
        var batch = Guid.NewGuid();
        var voucher = Voucher.IssueUnused(Plan, VoucherCodeGenerator.ForBatch(), VoucherSource.Batch, batch, Now);
        Assert.That(voucher.Status, Is.EqualTo(VoucherStatus.Unused));
        Assert.That(voucher.ExpiresAt, Is.Null);
        Assert.That(voucher.IsUsableAt(Now.AddDays(30)), Is.True);

        voucher.Activate(Now.AddDays(2));
        voucher.Activate(Now.AddDays(3)); // already active: nothing changes
        Assert.That(voucher.ExpiresAt, Is.EqualTo(Now.AddDays(2).AddHours(1)));
        Assert.That(voucher.BatchId, Is.EqualTo(batch));
    }

    [Test]
    public void Only_purchases_issue_purchase_vouchers() =>
        Assert.Throws<DomainException>(() => Voucher.IssueUnused(Plan, VoucherCodeGenerator.ForBatch(), VoucherSource.Purchase, null, Now));

    [Test]
    public void An_active_voucher_expires_when_its_time_is_up()
    {
        var voucher = Voucher.IssueForPurchase(PaidPurchase(), VoucherCodeGenerator.ForPurchase(), Now);
        Assert.That(voucher.ExpireIfDue(Now.AddMinutes(59)), Is.False);
        Assert.That(voucher.IsUsableAt(Now.AddMinutes(59)), Is.True);
        Assert.That(voucher.ExpireIfDue(Now.AddHours(1)), Is.True);
        Assert.That(voucher.Status, Is.EqualTo(VoucherStatus.Expired));
        Assert.That(voucher.IsUsableAt(Now), Is.False);
        Assert.Throws<DomainException>(() => voucher.Activate(Now));
        Assert.Throws<DomainException>(() => voucher.Revoke(Now));
    }

    [Test]
    public void A_revoked_voucher_stays_revoked()
    {
        var voucher = Voucher.IssueUnused(Plan, VoucherCodeGenerator.ForBatch(), VoucherSource.Admin, null, Now);
        voucher.Revoke(Now);
        voucher.Revoke(Now.AddMinutes(1));
        Assert.That(voucher.Status, Is.EqualTo(VoucherStatus.Revoked));
        Assert.That(voucher.RevokedAt, Is.EqualTo(Now));
        Assert.That(voucher.IsUsableAt(Now), Is.False);
        Assert.Throws<DomainException>(() => voucher.Activate(Now));
    }

    [Test]
    public void Codes_are_stored_upper_case_and_matched_case_insensitively()
    {
        var voucher = Voucher.IssueUnused(Plan, "abcd-ef23-gh", VoucherSource.Admin, null, Now);
        Assert.That(voucher.Code, Is.EqualTo("ABCDEF23GH"));
        Assert.That(voucher.Matches("abcdef23gh"), Is.True);
        Assert.That(voucher.Matches("ABCD EF23 GH"), Is.True);
        Assert.That(voucher.Matches("ABCDEF23GJ"), Is.False);
    }
}
