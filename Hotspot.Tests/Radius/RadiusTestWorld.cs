using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage;
using Hotspot.Storage.Radius;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Radius;

/// <summary>Two organizations, each with a router and plans, seeded through the API host's own services.</summary>
public sealed class RadiusTestWorld
{
    private readonly IDbContextFactory<HotspotDbContext> _contexts;

    private RadiusTestWorld(IServiceProvider services) =>
        _contexts = services.GetRequiredService<IDbContextFactory<HotspotDbContext>>();

    public Router RouterA { get; private set; } = null!;
    public Router RouterB { get; private set; } = null!;

    /// <summary>One hour, 10 MB cap, one device, 2048k up / 5120k down.</summary>
    public Plan PlanA { get; private set; } = null!;

    /// <summary>One hour, a 1000-byte cap: used up by one accounting report.</summary>
    public Plan TinyCapPlanA { get; private set; } = null!;
    public Plan PlanB { get; private set; } = null!;

    public static async Task<RadiusTestWorld> CreateAsync(IServiceProvider services, string routerAIp = "10.8.0.2")
    {
        var world = new RadiusTestWorld(services);
        var now = DateTime.UtcNow;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var orgA = Organization.Create("ISP A " + suffix, "test", now);
        var orgB = Organization.Create("ISP B " + suffix, "test", now);
        world.PlanA = Plan.Create(orgA.Id, new PlanSettings("1 hour", 50, TimeSpan.FromHours(1), 10_000_000, 2048, 5120, 1), now);
        world.TinyCapPlanA = Plan.Create(orgA.Id, new PlanSettings("Tiny", 5, TimeSpan.FromHours(1), 1000, null, null, 1), now);
        world.PlanB = Plan.Create(orgB.Id, new PlanSettings("1 hour", 50, TimeSpan.FromHours(1)), now);
        await using (var db = await world._contexts.CreateDbContextAsync())
        {
            db.Organizations.AddRange(orgA, orgB);
            db.Plans.AddRange(world.PlanA, world.TinyCapPlanA, world.PlanB);
            await db.SaveChangesAsync();
        }
        var registry = services.GetRequiredService<RouterRegistry>();
        world.RouterA = await registry.RegisterAsync(orgA.Id, "Shop A", "shop-a-" + suffix, routerAIp, RouterAttributeProfile.Mikrotik, CancellationToken.None);
        world.RouterB = await registry.RegisterAsync(orgB.Id, "Shop B", "shop-b-" + suffix, null, RouterAttributeProfile.Mikrotik, CancellationToken.None);
        return world;
    }

    public enum State { Unused, Active, Expired, Revoked }

    public async Task<Voucher> VoucherAsync(Plan plan, State state = State.Active)
    {
        var now = DateTime.UtcNow;
        var code = VoucherCodeGenerator.ForPurchase();
        var voucher = Voucher.IssueUnused(plan, code, VoucherSource.Batch, null, now.AddHours(-3));
        switch (state)
        {
            case State.Active: voucher.Activate(now.AddMinutes(-10)); break;
            case State.Expired: voucher.Activate(now.AddHours(-2)); break;
            case State.Revoked: voucher.Revoke(now); break;
        }
        await using var db = await _contexts.CreateDbContextAsync();
        db.Vouchers.Add(voucher);
        await db.SaveChangesAsync();
        return voucher;
    }

    /// <summary>A purchase paid from the portal by the device with this MAC address, and its voucher.</summary>
    public async Task<Voucher> PaidFromDeviceAsync(Plan plan, string mac, State state = State.Active, TimeSpan? age = null)
    {
        var paidAt = DateTime.UtcNow - (age ?? TimeSpan.FromMinutes(1)) - (state == State.Expired ? TimeSpan.FromHours(2) : TimeSpan.Zero);
        var purchase = Purchase.Create(plan, KenyanPhoneNumber.Parse("0712345678"), mac, PaymentMethodType.Mpesa, paidAt.AddSeconds(-30));
        purchase.Settle(plan.PriceKes, "R" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant(), paidAt);
        var voucher = Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), paidAt);
        purchase.AttachVoucher(voucher.Id);
        if (state == State.Revoked)
            voucher.Revoke(DateTime.UtcNow);
        await using var db = await _contexts.CreateDbContextAsync();
        db.Purchases.Add(purchase);
        db.Vouchers.Add(voucher);
        await db.SaveChangesAsync();
        return voucher;
    }

    public async Task<Voucher> ReloadAsync(Voucher voucher)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await db.Vouchers.AsNoTracking().SingleAsync(v => v.Id == voucher.Id);
    }

    public async Task<List<RadiusSession>> SessionsAsync(Voucher voucher)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        return await db.RadiusSessions.AsNoTracking().Where(s => s.VoucherId == voucher.Id).ToListAsync();
    }
}
