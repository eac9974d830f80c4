using Hotspot.Domain.Radius;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage;
using Hotspot.Storage.Radius;
using Hotspot.Tests.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Radius;

/// <summary>Accounting storage on a clock the test moves: stale sessions and the router registry's rules.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class RadiusAccountingTests(DatabaseProvider provider)
{
    private TestDatabase? _database;
    private ManualTimeProvider _clock = null!;
    private RouterRegistry _routers = null!;
    private RadiusAccounting _accounting = null!;
    private RadiusAuthorization _authorization = null!;

    [SetUp]
    public async Task SetUpAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _clock = new ManualTimeProvider(TestData.Now);
        var policy = new RadiusPolicy { InterimIntervalSeconds = 300, StaleAfterIntervals = 3 };
        _routers = new RouterRegistry(_database, _clock);
        _accounting = new RadiusAccounting(_database, _clock, policy);
        _authorization = new RadiusAuthorization(_database, _clock, policy);
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        if (_database is not null) // null when PostgreSQL is not configured and set-up ignored the test
            await _database.DisposeAsync();
    }

    private async Task<(Router Router, Voucher Voucher)> VoucherAtRouterAsync()
    {
        var (organization, plan) = await TestData.OrganizationWithPlanAsync(_database!);
        var router = await _routers.RegisterAsync(organization.Id, "Shop", "shop-" + Guid.NewGuid().ToString("N")[..6], null, RouterAttributeProfile.Mikrotik, CancellationToken.None);
        var voucher = Voucher.IssueUnused(plan, VoucherCodeGenerator.ForPurchase(), VoucherSource.Batch, null, TestData.Now);
        await using var db = _database!.CreateDbContext();
        db.Vouchers.Add(voucher);
        await db.SaveChangesAsync();
        return (router, voucher);
    }

    private AccountingRequest Report(Router router, Voucher voucher, AccountingStatus status, string sessionId, string mac = "AA:BB:CC:DD:EE:01") =>
        new(status, sessionId, voucher.Code, router.NasIdentifier, null, mac, "10.5.50.2", new AccountingCounters(10, 20, 30), null);

    [Test]
    public async Task Silent_sessions_are_closed_after_three_interim_intervals_and_free_their_device_slot()
    {
        var (router, voucher) = await VoucherAtRouterAsync();
        Assert.That(await _accounting.RecordAsync(Report(router, voucher, AccountingStatus.Start, "s1"), CancellationToken.None), Is.EqualTo(AccountingResult.Recorded));
        var blocked = await _authorization.AuthorizeAsync(new AccessRequest(voucher.Code, router.NasIdentifier, null, "AA:BB:CC:DD:EE:02"), CancellationToken.None);
        Assert.That(blocked.Decision.RejectMessage, Is.EqualTo(AuthorizeDecision.DeviceLimitReached));

        _clock.Advance(TimeSpan.FromMinutes(14));
        Assert.That(await _accounting.CloseStaleSessionsAsync(CancellationToken.None), Is.Zero);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(await _accounting.CloseStaleSessionsAsync(CancellationToken.None), Is.EqualTo(1));

        await using var db = _database!.CreateDbContext();
        var session = await db.RadiusSessions.SingleAsync(s => s.VoucherId == voucher.Id);
        Assert.That(session.TerminateCause, Is.EqualTo(RadiusAccounting.StaleCause));
        Assert.That(session.StoppedAt, Is.EqualTo(_clock.GetUtcNow().UtcDateTime));
        var allowed = await _authorization.AuthorizeAsync(new AccessRequest(voucher.Code, router.NasIdentifier, null, "AA:BB:CC:DD:EE:02"), CancellationToken.None);
        Assert.That(allowed.Decision.Accepted, Is.True);
    }

    [Test]
    public async Task Accounting_off_closes_only_that_routers_sessions()
    {
        var (routerA, voucherA) = await VoucherAtRouterAsync();
        var (routerB, voucherB) = await VoucherAtRouterAsync();
        await _accounting.RecordAsync(Report(routerA, voucherA, AccountingStatus.Start, "a1"), CancellationToken.None);
        await _accounting.RecordAsync(Report(routerB, voucherB, AccountingStatus.Start, "b1"), CancellationToken.None);

        await _accounting.RecordAsync(new AccountingRequest(AccountingStatus.AccountingOff, null, null, routerA.NasIdentifier, null, null, null, default, null), CancellationToken.None);

        await using var db = _database!.CreateDbContext();
        var sessions = await db.RadiusSessions.AsNoTracking().ToDictionaryAsync(s => s.AcctSessionId);
        Assert.That(sessions["a1"].StoppedAt, Is.Not.Null);
        Assert.That(sessions["b1"].StoppedAt, Is.Null);
    }

    [Test]
    public async Task A_nas_identifier_or_ip_is_registered_once_across_organizations()
    {
        var (router, _) = await VoucherAtRouterAsync();
        var other = Guid.NewGuid();
        Assert.ThrowsAsync<Hotspot.Domain.DomainException>(() =>
            _routers.RegisterAsync(other, "Copy", router.NasIdentifier, null, RouterAttributeProfile.Mikrotik, CancellationToken.None));
        var byIp = await _routers.RegisterAsync(other, "By IP", null, " 10.8.0.9 ", RouterAttributeProfile.Standard, CancellationToken.None);
        Assert.ThrowsAsync<Hotspot.Domain.DomainException>(() =>
            _routers.RegisterAsync(router.OrganizationId, "Same IP", null, "10.8.0.9", RouterAttributeProfile.Mikrotik, CancellationToken.None));
        Assert.ThrowsAsync<Hotspot.Domain.DomainException>(() =>
            _routers.RegisterAsync(other, "Nothing", null, null, RouterAttributeProfile.Mikrotik, CancellationToken.None));

        Assert.That((await _routers.FindAsync(null, "10.8.0.9", CancellationToken.None))?.Id, Is.EqualTo(byIp.Id));
        Assert.That((await _routers.ListAsync(other, CancellationToken.None)).Select(r => r.Name), Is.EqualTo(new[] { "By IP" }));
    }
}
