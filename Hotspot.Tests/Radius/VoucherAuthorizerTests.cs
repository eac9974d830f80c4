using Hotspot.Domain.Plans;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Vouchers;

namespace Hotspot.Tests.Radius;

public class VoucherAuthorizerTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Org = Guid.NewGuid();
    private static readonly Router RouterA = Router.Register(Org, "Shop A", "shop-a", "10.8.0.2", RouterAttributeProfile.Mikrotik, Now);
    private const string Mac = "AA:BB:CC:DD:EE:01";

    private static Plan NewPlan(long? cap = 100_000_000, int devices = 1, Guid? org = null) =>
        Plan.Create(org ?? Org, new PlanSettings("1 hour", 50, TimeSpan.FromHours(1), cap, 2048, 5120, devices), Now);

    private static Voucher Active(Plan plan, DateTime activatedAt)
    {
        var voucher = Voucher.IssueUnused(plan, "ABCD2345", VoucherSource.Batch, null, activatedAt);
        voucher.Activate(activatedAt);
        return voucher;
    }

    private static AuthorizeDecision Decide(Voucher? voucher, Plan plan, long bytesUsed = 0, string[]? open = null, string? mac = Mac) =>
        VoucherAuthorizer.Decide(voucher, plan, RouterA, bytesUsed, open ?? [], mac, Now);

    [Test]
    public void Active_voucher_is_accepted_with_time_and_bytes_left()
    {
        var plan = NewPlan();
        var decision = Decide(Active(plan, Now.AddMinutes(-20)), plan, bytesUsed: 30_000_000);

        Assert.That(decision.Accepted, Is.True);
        Assert.That(decision.ActivatesVoucher, Is.False);
        Assert.That(decision.SessionTimeoutSeconds, Is.EqualTo(40 * 60));
        Assert.That(decision.ExpiresAt, Is.EqualTo(Now.AddMinutes(40)));
        Assert.That(decision.BytesLeft, Is.EqualTo(70_000_000));
        Assert.That(decision.UploadRateKbps, Is.EqualTo(2048));
        Assert.That(decision.DownloadRateKbps, Is.EqualTo(5120));
    }

    [Test]
    public void Unused_voucher_is_accepted_and_starts_its_full_time()
    {
        var plan = NewPlan(cap: null);
        var decision = Decide(Voucher.IssueUnused(plan, "ABCD2345", VoucherSource.Batch, null, Now.AddDays(-3)), plan);

        Assert.That(decision.Accepted, Is.True);
        Assert.That(decision.ActivatesVoucher, Is.True);
        Assert.That(decision.SessionTimeoutSeconds, Is.EqualTo(3600));
        Assert.That(decision.BytesLeft, Is.Null);
    }

    [Test]
    public void Unknown_code_and_another_organizations_voucher_get_the_same_answer()
    {
        var otherPlan = NewPlan(org: Guid.NewGuid());
        Assert.That(Decide(null, NewPlan()).RejectMessage, Is.EqualTo(AuthorizeDecision.NotValid));
        Assert.That(Decide(Active(otherPlan, Now), otherPlan).RejectMessage, Is.EqualTo(AuthorizeDecision.NotValid));
    }

    [Test]
    public void Expired_voucher_is_rejected_whether_or_not_it_was_marked_expired()
    {
        var plan = NewPlan();
        var lapsed = Active(plan, Now.AddHours(-1));
        Assert.That(Decide(lapsed, plan).RejectMessage, Is.EqualTo(AuthorizeDecision.Expired));
        lapsed.ExpireIfDue(Now);
        Assert.That(lapsed.Status, Is.EqualTo(VoucherStatus.Expired));
        Assert.That(Decide(lapsed, plan).RejectMessage, Is.EqualTo(AuthorizeDecision.Expired));
    }

    [Test]
    public void Revoked_voucher_is_rejected()
    {
        var plan = NewPlan();
        var voucher = Active(plan, Now);
        voucher.Revoke(Now);
        var decision = Decide(voucher, plan);
        Assert.That(decision.Accepted, Is.False);
        Assert.That(decision.RejectMessage, Is.EqualTo(AuthorizeDecision.Revoked));
    }

    [TestCase(100_000_000)]
    [TestCase(100_000_001)]
    public void Voucher_at_or_over_its_data_cap_is_rejected(long used)
    {
        var plan = NewPlan(cap: 100_000_000);
        Assert.That(Decide(Active(plan, Now), plan, bytesUsed: used).RejectMessage, Is.EqualTo(AuthorizeDecision.DataUsedUp));
        Assert.That(Decide(Active(plan, Now), plan, bytesUsed: 99_999_999).Accepted, Is.True);
    }

    [Test]
    public void Device_limit_counts_other_devices_with_open_sessions()
    {
        var plan = NewPlan(devices: 2);
        var voucher = Active(plan, Now);
        Assert.That(Decide(voucher, plan, open: ["AA:BB:CC:DD:EE:02"]).Accepted, Is.True);
        Assert.That(Decide(voucher, plan, open: ["AA:BB:CC:DD:EE:02", "AA:BB:CC:DD:EE:03"]).RejectMessage,
            Is.EqualTo(AuthorizeDecision.DeviceLimitReached));
        // The same device logging in again is not a new device.
        Assert.That(Decide(voucher, plan, open: ["aa:bb:cc:dd:ee:01", "AA:BB:CC:DD:EE:02"]).Accepted, Is.True);
    }

    [Test]
    public void Session_counters_keep_the_largest_cumulative_values()
    {
        var session = RadiusSession.Start(RouterA, Guid.NewGuid(), "81a00001", Mac, "10.5.50.2", Now);
        session.Report(new AccountingCounters(1000, 5000, 60), Now.AddMinutes(1));
        session.Report(new AccountingCounters(3000, 9000, 120), Now.AddMinutes(2));
        session.Report(new AccountingCounters(3000, 9000, 120), Now.AddMinutes(2)); // duplicate
        session.Report(new AccountingCounters(1000, 5000, 60), Now.AddMinutes(3));  // late, reordered
        Assert.That(session.TotalBytes, Is.EqualTo(12_000));
        Assert.That(session.SessionSeconds, Is.EqualTo(120));
        Assert.That(AccountingCounters.Bytes(5, 2), Is.EqualTo(2L * 4294967296 + 5));
    }
}
