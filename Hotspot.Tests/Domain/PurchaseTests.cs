using Hotspot.Domain;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;

namespace Hotspot.Tests.Domain;

public class PurchaseTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static Plan NewPlan() => Plan.Create(Guid.NewGuid(), new PlanSettings("Hour", 20, TimeSpan.FromHours(1)), Now);

    private static Purchase NewPurchase() =>
        Purchase.Create(NewPlan(), KenyanPhoneNumber.Parse("0712345678"), "aa-bb-cc-dd-ee-ff", PaymentMethodType.Mpesa, Now);

    [Test]
    public void A_purchase_starts_pending_with_the_plans_price()
    {
        var plan = NewPlan();
        var purchase = Purchase.Create(plan, KenyanPhoneNumber.Parse("+254 112 345 678"), null, PaymentMethodType.KopoKopo, Now);
        Assert.Multiple(() =>
        {
            Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Pending));
            Assert.That(purchase.AmountKes, Is.EqualTo(20L));
            Assert.That(purchase.Duration, Is.EqualTo(TimeSpan.FromHours(1)));
            Assert.That(purchase.PhoneNumber, Is.EqualTo("254112345678"));
            Assert.That(purchase.OrganizationId, Is.EqualTo(plan.OrganizationId));
            Assert.That(purchase.PaymentMethod, Is.EqualTo(PaymentMethodType.KopoKopo));
            Assert.That(purchase.Id.ToString()[14], Is.EqualTo('4'), "random (version 4) id");
        });
    }

    [Test]
    public void An_archived_plan_cannot_be_bought()
    {
        var plan = NewPlan();
        plan.Archive(Now);
        Assert.Throws<DomainException>(() => Purchase.Create(plan, KenyanPhoneNumber.Parse("0712345678"), null, PaymentMethodType.Mpesa, Now));
    }

    [Test]
    public void A_missing_phone_number_is_refused() =>
        Assert.Throws<DomainException>(() => Purchase.Create(NewPlan(), default, null, PaymentMethodType.Mpesa, Now));

    [Test]
    public void Settling_with_the_right_amount_pays_it_once()
    {
        var purchase = NewPurchase();
        Assert.That(purchase.Settle(20, "NLJ7RT61SV", Now), Is.EqualTo(SettlementOutcome.Settled));
        Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(purchase.PaidAt, Is.EqualTo(Now));
        Assert.That(purchase.ProviderReceipt, Is.EqualTo("NLJ7RT61SV"));

        Assert.That(purchase.Settle(20, "NLJ7RT61SV", Now.AddMinutes(1)), Is.EqualTo(SettlementOutcome.AlreadyPaid));
        Assert.That(purchase.Settle(20, null, Now.AddMinutes(1)), Is.EqualTo(SettlementOutcome.AlreadyPaid));
        Assert.That(purchase.ProviderReceipt, Is.EqualTo("NLJ7RT61SV"), "settling again is a no-op");
        Assert.That(purchase.PaidAt, Is.EqualTo(Now));
        Assert.That(purchase.ReviewReason, Is.Null);
    }

    [Test]
    public void Another_payment_for_a_paid_purchase_is_recorded_for_review()
    {
        var purchase = NewPurchase();
        purchase.Settle(20, "NLJ7RT61SV", Now);

        Assert.That(purchase.Settle(20, "OTHER00001", Now.AddMinutes(1)), Is.EqualTo(SettlementOutcome.NotPending));
        Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(purchase.ProviderReceipt, Is.EqualTo("NLJ7RT61SV"));
        Assert.That(purchase.ReviewReason, Does.Contain("OTHER00001"));
    }

    [TestCase(19)]
    [TestCase(21)]
    [TestCase(0)]
    public void A_different_amount_is_refused_and_recorded(long amount)
    {
        var purchase = NewPurchase();
        Assert.That(purchase.Settle(amount, "R1", Now), Is.EqualTo(SettlementOutcome.AmountMismatch));
        Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Pending));
        Assert.That(purchase.ReviewReason, Does.Contain($"{amount} KES").And.Contain("20 KES").And.Contain("R1"));
        Assert.That(purchase.Settle(20, "R2", Now), Is.EqualTo(SettlementOutcome.Settled), "the right payment still settles it");
    }

    [Test]
    public void Paid_is_final()
    {
        var purchase = NewPurchase();
        purchase.Settle(20, "R1", Now);
        Assert.That(purchase.Fail("late failure", Now), Is.False);
        Assert.That(purchase.Cancel("late cancel", Now), Is.False);
        Assert.That(purchase.Expire("late expiry", Now), Is.False);
        Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
        Assert.That(purchase.FailureReason, Is.Null);
    }

    [TestCase(PurchaseStatus.Failed)]
    [TestCase(PurchaseStatus.Cancelled)]
    [TestCase(PurchaseStatus.Expired)]
    public void Pending_moves_to_each_unsuccessful_end_once(PurchaseStatus end)
    {
        var purchase = NewPurchase();
        Func<string, DateTime, bool> move = end switch
        {
            PurchaseStatus.Failed => purchase.Fail,
            PurchaseStatus.Cancelled => purchase.Cancel,
            _ => purchase.Expire,
        };
        Assert.That(move("Request cancelled by user", Now), Is.True);
        Assert.That(purchase.Status, Is.EqualTo(end));
        Assert.That(purchase.FailureReason, Is.EqualTo("Request cancelled by user"));
        Assert.That(purchase.Fail("again", Now), Is.False);
        Assert.That(purchase.Status, Is.EqualTo(end));

        Assert.That(purchase.Settle(20, "LATE", Now), Is.EqualTo(SettlementOutcome.NotPending));
        Assert.That(purchase.Status, Is.EqualTo(end), "a late payment does not revive it");
        Assert.That(purchase.ReviewReason, Does.Contain("LATE"));
    }

    [Test]
    public void A_voucher_is_attached_once_and_only_when_paid()
    {
        var purchase = NewPurchase();
        Assert.Throws<DomainException>(() => purchase.AttachVoucher(Guid.NewGuid()));
        purchase.Settle(20, "R", Now);
        var voucherId = Guid.NewGuid();
        purchase.AttachVoucher(voucherId);
        Assert.That(purchase.VoucherId, Is.EqualTo(voucherId));
        Assert.Throws<DomainException>(() => purchase.AttachVoucher(Guid.NewGuid()));
    }

    [Test]
    public void The_provider_request_id_is_set_once()
    {
        var purchase = NewPurchase();
        purchase.RecordProviderRequest("ws_CO_1", Now);
        purchase.RecordProviderRequest("ws_CO_1", Now);
        Assert.Throws<DomainException>(() => purchase.RecordProviderRequest("ws_CO_2", Now));
        Assert.Throws<DomainException>(() => NewPurchase().RecordProviderRequest(" ", Now));
    }

    [Test]
    public void Reconciler_checks_are_counted()
    {
        var purchase = NewPurchase();
        purchase.RecordCheck(Now);
        purchase.RecordCheck(Now.AddMinutes(1));
        Assert.That(purchase.CheckAttempts, Is.EqualTo(2));
        Assert.That(purchase.LastCheckedAt, Is.EqualTo(Now.AddMinutes(1)));
    }
}
