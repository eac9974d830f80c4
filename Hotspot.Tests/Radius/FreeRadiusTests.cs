using System.Net;
using System.Net.Sockets;
using Hotspot.Domain.Radius;
using Hotspot.Storage.Radius;
using Hotspot.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Radius;

/// <summary>
/// End to end: radclient (standing in for a MikroTik) → real FreeRADIUS with deploy/freeradius → rlm_rest →
/// the API on a real Kestrel port → SQLite.
/// </summary>
[Slow(TestCategories.FreeRadius)]
[NonParallelizable]
public class FreeRadiusTests
{
    private const string ApiSecret = "test-radius-api-secret-0003";
    private const int LockoutSeconds = 4;
    private TestApi? _api;
    private FreeRadiusServer? _radius;
    private RadiusTestWorld _world = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        FreeRadiusServer.RequireInstalled();
        var port = FreeTcpPort();
        _api = new TestApi(new Dictionary<string, string?>
        {
            ["Radius:SharedSecret"] = ApiSecret,
            // Short, so the test can wait a lockout out; the limit and the window keep their defaults (5 in 5 minutes).
            ["Radius:WrongCodeLockoutSeconds"] = LockoutSeconds.ToString(),
        });
        _api.UseKestrel(port);
        _api.StartServer();
        _world = await RadiusTestWorld.CreateAsync(_api.Services);
        _radius = await FreeRadiusServer.StartAsync($"http://127.0.0.1:{port}", ApiSecret);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_radius is not null)
            await _radius.DisposeAsync();
        if (_api is not null)
            await _api.DisposeAsync();
    }

    private Task<RadiusReply> LoginAsync(string user, string password, bool chap = false, Router? router = null, string mac = "AA:BB:CC:DD:EE:01") =>
        _radius!.SendAsync("auth",
            ("User-Name", user), (chap ? "CHAP-Password" : "User-Password", password),
            ("NAS-Identifier", (router ?? _world.RouterA).NasIdentifier!), ("Calling-Station-Id", mac));

    private Task<RadiusReply> AccountAsync(string status, string code, string sessionId, long input = 0, long output = 0, string mac = "AA:BB:CC:DD:EE:01") =>
        _radius!.SendAsync("acct",
            ("Acct-Status-Type", status), ("User-Name", code), ("Acct-Session-Id", sessionId),
            ("NAS-Identifier", _world.RouterA.NasIdentifier!), ("Calling-Station-Id", mac),
            ("Acct-Input-Octets", input.ToString()), ("Acct-Output-Octets", output.ToString()), ("Acct-Session-Time", "60"));

    private string Explain(RadiusReply reply) => reply.Output + "\n--- freeradius ---\n" + FreeRadiusServer.Tail(_radius!.Log, 40);

    [Test]
    public async Task Active_voucher_is_accepted_over_chap_and_pap_with_the_router_limits()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA);
        var typed = voucher.Code.ToLowerInvariant();

        var chap = await LoginAsync(typed, typed, chap: true);
        var pap = await LoginAsync(voucher.Code, voucher.Code);

        Assert.That(chap.PacketType, Is.EqualTo("Access-Accept"), Explain(chap));
        Assert.That(pap.PacketType, Is.EqualTo("Access-Accept"), Explain(pap));
        Assert.Multiple(() =>
        {
            Assert.That(long.Parse(chap["Session-Timeout"]!), Is.InRange(49 * 60, 50 * 60), Explain(chap));
            Assert.That(chap["Idle-Timeout"], Is.EqualTo("600"));
            Assert.That(chap["Acct-Interim-Interval"], Is.EqualTo("300"));
            Assert.That(chap["Mikrotik-Rate-Limit"], Is.EqualTo("2048k/5120k"));
            Assert.That(chap["Mikrotik-Total-Limit"], Is.EqualTo("10000000"));
            Assert.That(chap["Mikrotik-Total-Limit-Gigawords"], Is.EqualTo("0"));
            Assert.That(chap["WISPr-Session-Terminate-Time"], Is.EqualTo(voucher.ExpiresAt!.Value.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'")));
            Assert.That(chap.Attributes.ContainsKey("Cleartext-Password"), Is.False, "the password stays in the control list");
        });
    }

    [Test]
    public async Task Wrong_expired_revoked_and_foreign_vouchers_are_rejected_with_a_message()
    {
        var active = await _world.VoucherAsync(_world.PlanA);
        var expired = await _world.VoucherAsync(_world.PlanA, RadiusTestWorld.State.Expired);
        var revoked = await _world.VoucherAsync(_world.PlanA, RadiusTestWorld.State.Revoked);
        var foreign = await _world.VoucherAsync(_world.PlanB);

        var cases = new (string User, string Password, string Message)[]
        {
            ("NOSUCHCODE", "NOSUCHCODE", AuthorizeDecision.NotValid),
            (active.Code, "WRONGPASS", ""), // known code, wrong password: rejected by FreeRADIUS's pap
            (expired.Code, expired.Code, AuthorizeDecision.Expired),
            (revoked.Code, revoked.Code, AuthorizeDecision.Revoked),
            (foreign.Code, foreign.Code, AuthorizeDecision.NotValid),
        };
        foreach (var (user, password, message) in cases)
        {
            var reply = await LoginAsync(user, password);
            Assert.That(reply.PacketType, Is.EqualTo("Access-Reject"), Explain(reply));
            if (message.Length > 0)
                Assert.That(reply["Reply-Message"], Is.EqualTo(message), Explain(reply));
        }
    }

    [Test]
    public async Task Accounting_moves_usage_and_a_used_up_voucher_is_rejected_at_the_next_login()
    {
        var voucher = await _world.VoucherAsync(_world.TinyCapPlanA, RadiusTestWorld.State.Unused);
        var usage = _api!.Services.GetRequiredService<VoucherUsageQuery>();

        var first = await LoginAsync(voucher.Code, voucher.Code);
        Assert.That(first.PacketType, Is.EqualTo("Access-Accept"), Explain(first));
        Assert.That(first["Mikrotik-Total-Limit"], Is.EqualTo("1000"));

        var start = await AccountAsync("Start", voucher.Code, "81a00001");
        Assert.That(start.PacketType, Is.EqualTo("Accounting-Response"), Explain(start));
        await AccountAsync("Interim-Update", voucher.Code, "81a00001", 200, 300);
        Assert.That((await usage.ForVoucherAsync(voucher.OrganizationId, voucher.Id, CancellationToken.None)).BytesUsed, Is.EqualTo(500));

        var second = await LoginAsync(voucher.Code, voucher.Code);
        Assert.That(second["Mikrotik-Total-Limit"], Is.EqualTo("500"), Explain(second));

        var stop = await AccountAsync("Stop", voucher.Code, "81a00001", 400, 600);
        Assert.That(stop.PacketType, Is.EqualTo("Accounting-Response"), Explain(stop));
        var used = await usage.ForVoucherAsync(voucher.OrganizationId, voucher.Id, CancellationToken.None);
        Assert.That(used, Is.EqualTo(new VoucherUsage(voucher.Id, 1000, 1, 1, 0)));

        var third = await LoginAsync(voucher.Code, voucher.Code);
        Assert.That(third.PacketType, Is.EqualTo("Access-Reject"), Explain(third));
        Assert.That(third["Reply-Message"], Is.EqualTo(AuthorizeDecision.DataUsedUp));
    }

    [Test]
    public async Task Second_device_is_rejected_at_the_device_limit()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA);
        Assert.That((await LoginAsync(voucher.Code, voucher.Code)).PacketType, Is.EqualTo("Access-Accept"));
        Assert.That((await AccountAsync("Start", voucher.Code, "81b00001")).PacketType, Is.EqualTo("Accounting-Response"));

        var other = await LoginAsync(voucher.Code, voucher.Code, mac: "AA:BB:CC:DD:EE:77");

        Assert.That(other.PacketType, Is.EqualTo("Access-Reject"), Explain(other));
        Assert.That(other["Reply-Message"], Is.EqualTo(AuthorizeDecision.DeviceLimitReached));
    }

    [Test]
    public async Task Unregistered_router_gets_a_reject()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA);
        var login = await _radius!.SendAsync("auth", ("User-Name", voucher.Code), ("User-Password", voucher.Code), ("NAS-Identifier", "stranger"));
        Assert.That(login.PacketType, Is.EqualTo("Access-Reject"), Explain(login));
    }

    [Test]
    public async Task A_device_that_sends_five_wrong_codes_is_locked_out_even_with_the_right_one_until_the_lockout_ends()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA, RadiusTestWorld.State.Unused);
        const string guesser = "AA:BB:CC:DD:EF:01";
        for (var i = 0; i < 5; i++)
        {
            var wrong = await LoginAsync("GUESS" + i + "XYZ", "GUESS" + i + "XYZ", mac: guesser);
            Assert.That(wrong.PacketType, Is.EqualTo("Access-Reject"), Explain(wrong));
            Assert.That(wrong["Reply-Message"], Is.EqualTo(AuthorizeDecision.NotValid), Explain(wrong));
        }
        var lockedAt = DateTime.UtcNow;

        var right = await LoginAsync(voucher.Code, voucher.Code, mac: guesser);
        Assert.That(right.PacketType, Is.EqualTo("Access-Reject"), Explain(right));
        Assert.That(right["Reply-Message"], Is.EqualTo("Too many wrong voucher codes from this device. Try again in 1 minute."), Explain(right));
        Assert.That((await _world.ReloadAsync(voucher)).Status, Is.EqualTo(Hotspot.Domain.Vouchers.VoucherStatus.Unused),
            "the code was not even looked up, so its time did not start");

        // Another device on the same router is not affected (a different voucher: PlanA allows one device).
        var neighbour = await _world.VoucherAsync(_world.PlanA);
        var other = await LoginAsync(neighbour.Code, neighbour.Code, mac: "AA:BB:CC:DD:EF:02");
        Assert.That(other.PacketType, Is.EqualTo("Access-Accept"), Explain(other));

        var wait = lockedAt.AddSeconds(LockoutSeconds + 0.5) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
        var after = await LoginAsync(voucher.Code, voucher.Code, mac: guesser);
        Assert.That(after.PacketType, Is.EqualTo("Access-Accept"), Explain(after));
    }

    [Test]
    public async Task Four_wrong_codes_and_a_right_one_log_in_and_forgive_the_typos()
    {
        var voucher = await _world.VoucherAsync(_world.PlanA);
        const string typist = "AA:BB:CC:DD:EF:03";
        for (var i = 0; i < 4; i++)
            Assert.That((await LoginAsync("TYPO" + i + "AB", "TYPO" + i + "AB", mac: typist)).PacketType, Is.EqualTo("Access-Reject"));
        var right = await LoginAsync(voucher.Code, voucher.Code, mac: typist);
        Assert.That(right.PacketType, Is.EqualTo("Access-Accept"), Explain(right));
        // The count started again: four more typos still do not lock the device out.
        for (var i = 0; i < 4; i++)
            Assert.That((await LoginAsync("TYPO" + i + "CD", "TYPO" + i + "CD", mac: typist))["Reply-Message"], Is.EqualTo(AuthorizeDecision.NotValid));
    }

    private Task<RadiusReply> MacLoginAsync(string mac, string? device = null, string? password = null, Router? router = null) =>
        _radius!.SendAsync("auth",
            ("User-Name", mac), ("User-Password", password ?? mac),
            ("NAS-Identifier", (router ?? _world.RouterA).NasIdentifier!), ("Calling-Station-Id", device ?? mac));

    private Task<RadiusReply> MacAccountAsync(string status, string mac, string sessionId, string? sessionClass, long input = 0, long output = 0)
    {
        var attributes = new List<(string, string)>
        {
            ("Acct-Status-Type", status), ("User-Name", mac), ("Acct-Session-Id", sessionId),
            ("NAS-Identifier", _world.RouterA.NasIdentifier!), ("Calling-Station-Id", mac),
            ("Acct-Input-Octets", input.ToString()), ("Acct-Output-Octets", output.ToString()), ("Acct-Session-Time", "60"),
        };
        if (sessionClass is not null)
            attributes.Add(("Class", sessionClass));
        return _radius!.SendAsync("acct", attributes.ToArray());
    }

    [Test]
    public async Task A_device_that_paid_logs_in_by_its_MAC_with_the_same_limits_and_its_usage_counts_on_its_voucher()
    {
        const string mac = "AA:BB:CC:DD:E0:01";
        var voucher = await _world.PaidFromDeviceAsync(_world.PlanA, mac, age: TimeSpan.FromMinutes(10));
        // A newer purchase of the device whose voucher was revoked: the login skips it, and only Class (not a guess
        // from the MAC) can account the session to the voucher that let the device in.
        var revoked = await _world.PaidFromDeviceAsync(_world.PlanA, mac, RadiusTestWorld.State.Revoked, age: TimeSpan.FromMinutes(1));
        var byCode = await LoginAsync(voucher.Code, voucher.Code, mac: "AA:BB:CC:DD:E0:99");
        await AccountAsync("Stop", voucher.Code, "e0-code", mac: "AA:BB:CC:DD:E0:99"); // nothing open: frees nothing, harmless

        var login = await MacLoginAsync(mac);

        Assert.That(login.PacketType, Is.EqualTo("Access-Accept"), Explain(login));
        Assert.Multiple(() =>
        {
            foreach (var attribute in new[] { "Idle-Timeout", "Acct-Interim-Interval", "Mikrotik-Rate-Limit", "Mikrotik-Total-Limit", "Mikrotik-Total-Limit-Gigawords", "WISPr-Session-Terminate-Time" })
                Assert.That(login[attribute], Is.EqualTo(byCode[attribute]), attribute);
            Assert.That(long.Parse(login["Session-Timeout"]!), Is.InRange(long.Parse(byCode["Session-Timeout"]!) - 5, long.Parse(byCode["Session-Timeout"]!)));
            Assert.That(login["Class"], Is.Not.Null.And.StartsWith("0x"), Explain(login));
        });

        // The router echoes Class in the accounting of the session, whose User-Name is the MAC.
        Assert.That((await MacAccountAsync("Start", mac, "e0-mac", login["Class"])).PacketType, Is.EqualTo("Accounting-Response"));
        Assert.That((await MacAccountAsync("Interim-Update", mac, "e0-mac", login["Class"], 1200, 3400)).PacketType, Is.EqualTo("Accounting-Response"));
        var sessions = await _world.SessionsAsync(voucher);
        Assert.That(sessions.Single(s => s.AcctSessionId == "e0-mac").TotalBytes, Is.EqualTo(4600));
        Assert.That(await _world.SessionsAsync(revoked), Is.Empty);

        var again = await MacLoginAsync(mac);
        Assert.That(again.PacketType, Is.EqualTo("Access-Accept"), Explain(again));
        Assert.That(again["Mikrotik-Total-Limit"], Is.EqualTo((10_000_000 - 4600).ToString()), "the bytes used so far are taken off");
        // The voucher allows one device, and this one is online: the same code typed on another device is refused.
        var other = await LoginAsync(voucher.Code, voucher.Code, mac: "AA:BB:CC:DD:E0:98");
        Assert.That(other["Reply-Message"], Is.EqualTo(AuthorizeDecision.DeviceLimitReached), Explain(other));
    }

    [Test]
    public async Task A_MAC_login_is_refused_without_a_usable_purchase_of_that_device_at_that_organization()
    {
        const string expiredMac = "AA:BB:CC:DD:E1:01", revokedMac = "AA:BB:CC:DD:E1:02", foreignMac = "AA:BB:CC:DD:E1:03", paidMac = "AA:BB:CC:DD:E1:04";
        await _world.PaidFromDeviceAsync(_world.PlanA, expiredMac, RadiusTestWorld.State.Expired);
        await _world.PaidFromDeviceAsync(_world.PlanA, revokedMac, RadiusTestWorld.State.Revoked);
        await _world.PaidFromDeviceAsync(_world.PlanB, foreignMac);
        await _world.PaidFromDeviceAsync(_world.PlanA, paidMac);

        var cases = new (string What, Task<RadiusReply> Reply, string? Message)[]
        {
            ("never paid", MacLoginAsync("AA:BB:CC:DD:E1:05"), AuthorizeDecision.NotValid),
            ("expired", MacLoginAsync(expiredMac), AuthorizeDecision.Expired),
            ("revoked", MacLoginAsync(revokedMac), AuthorizeDecision.Revoked),
            ("paid at another organization", MacLoginAsync(foreignMac), AuthorizeDecision.NotValid),
            ("someone typing a paying device's MAC at the login page", MacLoginAsync(paidMac, device: "AA:BB:CC:DD:E1:06"), AuthorizeDecision.NotValid),
            ("wrong password", MacLoginAsync(paidMac, password: "not-the-mac"), null),
        };
        foreach (var (what, task, message) in cases)
        {
            var reply = await task;
            Assert.That(reply.PacketType, Is.EqualTo("Access-Reject"), what + "\n" + Explain(reply));
            if (message is not null)
                Assert.That(reply["Reply-Message"], Is.EqualTo(message), what + "\n" + Explain(reply));
        }
        Assert.That((await MacLoginAsync(paidMac.ToLowerInvariant().Replace(':', '-'))).PacketType, Is.EqualTo("Access-Accept"),
            "the control: the paying device itself, its MAC written the other way");
    }

    [Test]
    public async Task A_MAC_login_takes_the_newest_usable_voucher_and_a_used_up_one_is_refused_at_the_next_login()
    {
        const string mac = "AA:BB:CC:DD:E2:01";
        await _world.PaidFromDeviceAsync(_world.PlanA, mac, RadiusTestWorld.State.Expired, age: TimeSpan.FromDays(1));
        var tiny = await _world.PaidFromDeviceAsync(_world.TinyCapPlanA, mac);

        var login = await MacLoginAsync(mac);
        Assert.That(login.PacketType, Is.EqualTo("Access-Accept"), Explain(login));
        Assert.That(login["Mikrotik-Total-Limit"], Is.EqualTo("1000"));
        // A router that drops Class: the session is still accounted to the device's newest paid voucher.
        await MacAccountAsync("Start", mac, "e2-mac", sessionClass: null);
        await MacAccountAsync("Stop", mac, "e2-mac", sessionClass: null, 600, 400);
        Assert.That((await _world.SessionsAsync(tiny)).Sum(s => s.TotalBytes), Is.EqualTo(1000));

        var next = await MacLoginAsync(mac);
        Assert.That(next.PacketType, Is.EqualTo("Access-Reject"), Explain(next));
        Assert.That(next["Reply-Message"], Is.EqualTo(AuthorizeDecision.DataUsedUp));
    }

    [Test]
    public async Task MAC_logins_of_a_device_that_has_not_paid_yet_do_not_count_as_wrong_codes()
    {
        const string mac = "AA:BB:CC:DD:E3:01";
        for (var i = 0; i < 7; i++)
            Assert.That((await MacLoginAsync(mac)).PacketType, Is.EqualTo("Access-Reject"));
        var voucher = await _world.VoucherAsync(_world.PlanA);
        var typed = await LoginAsync(voucher.Code, voucher.Code, mac: mac);
        Assert.That(typed.PacketType, Is.EqualTo("Access-Accept"), Explain(typed));
    }

    [Test]
    public async Task A_removed_router_gets_rejects_from_then_on()
    {
        var registry = _api!.Services.GetRequiredService<RouterRegistry>();
        var router = await registry.RegisterAsync(_world.RouterA.OrganizationId, "Closing shop", "closing-" + Guid.NewGuid().ToString("N")[..8], null,
            RouterAttributeProfile.Mikrotik, CancellationToken.None);
        var voucher = await _world.VoucherAsync(_world.PlanA);
        var before = await LoginAsync(voucher.Code, voucher.Code, router: router, mac: "AA:BB:CC:DD:E4:01");
        Assert.That(before.PacketType, Is.EqualTo("Access-Accept"), Explain(before));

        Assert.That(await registry.RemoveAsync(router.OrganizationId, router.Id, "test", CancellationToken.None), Is.Not.Null);

        var after = await LoginAsync(voucher.Code, voucher.Code, router: router, mac: "AA:BB:CC:DD:E4:01");
        Assert.That(after.PacketType, Is.EqualTo("Access-Reject"), Explain(after));
        Assert.That(after["Reply-Message"], Is.EqualTo(AuthorizeDecision.NotValid));
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
