using System.Text.Json.Nodes;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.GraphQL;

/// <summary>Revenue per day and purchase filters over purchases stored as settlement stores them.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class RevenueTests(DatabaseProvider provider)
{
    [Test]
    public async Task Revenue_sums_paid_purchases_per_day_and_purchases_filter_by_status()
    {
        await using var api = await AdminApi.StartAsync(provider);
        var admin = await api.LoginAsync(AdminApi.AdminEmail, AdminApi.AdminPassword);
        var org = (await api.PostAsync("mutation { createOrganization(input: { name: \"Revenue ISP\" }) { id } }", token: admin))
            ["data"]!["createOrganization"]!["id"]!.GetValue<string>();
        var planId = (await api.PostAsync("mutation($o: ID!) { createPlan(organizationId: $o, input: { name: \"Revenue plan\", priceKes: 40, durationSeconds: 3600 }) { id } }",
            new { o = org }, admin))["data"]!["createPlan"]!["id"]!.GetValue<string>();
        var databases = api.Api.Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>();
        await using (var db = await databases.CreateDbContextAsync())
        {
            var plan = await db.Plans.SingleAsync(p => p.Id == Guid.Parse(planId));
            var day = new DateTime(2026, 11, 20, 8, 0, 0, DateTimeKind.Utc);
            foreach (var (at, pay) in new[] { (day, true), (day.AddHours(5), true), (day.AddDays(1), true), (day, false) })
            {
                var purchase = Purchase.Create(plan, KenyanPhoneNumber.Parse("0712345678"), null, PaymentMethodType.Mpesa, at);
                if (pay) purchase.Settle(40, "R" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant(), at);
                db.Purchases.Add(purchase);
            }
            await db.SaveChangesAsync();
        }

        const string query = """
            query($o: ID!) { organization(id: $o) {
              revenueByDay(from: "2026-11-19T00:00:00Z", to: "2026-11-23T00:00:00Z") { day amountKes purchaseCount }
              paid: purchases(where: { status: { eq: PAID }, amountKes: { gte: 40 } }, order: [{ paidAt: ASC }]) { totalCount nodes { paidAt plan { name } } }
              pending: purchases(where: { status: { neq: PAID } }) { totalCount } } }
            """;
        var result = await api.PostAsync(query, new { o = org }, admin);

        Assert.That(result["errors"], Is.Null, result.ToJsonString());
        var organization = result["data"]!["organization"]!;
        var days = organization["revenueByDay"]!.AsArray();
        Assert.That(days.Select(d => d!["day"]!.GetValue<string>()), Is.EqualTo(new[] { "2026-11-20T00:00:00Z", "2026-11-21T00:00:00Z" }));
        Assert.That(days.Select(d => d!["amountKes"]!.GetValue<long>()), Is.EqualTo(new long[] { 80, 40 }));
        Assert.That(days.Select(d => d!["purchaseCount"]!.GetValue<int>()), Is.EqualTo(new[] { 2, 1 }));
        Assert.That(organization["paid"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(3));
        Assert.That(organization["paid"]!["nodes"]![0]!["plan"]!["name"]!.GetValue<string>(), Is.EqualTo("Revenue plan"));
        Assert.That(organization["pending"]!["totalCount"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public async Task Revenue_over_weeks_is_summed_exactly_per_utc_day_by_the_database()
    {
        await using var api = await AdminApi.StartAsync(provider);
        var admin = await api.LoginAsync(AdminApi.AdminEmail, AdminApi.AdminPassword);
        var org = await CreateOrganizationAsync(api, admin, "Busy ISP");
        var other = await CreateOrganizationAsync(api, admin, "Other ISP");
        var databases = api.Api.Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>();
        var expected = new SortedDictionary<DateTime, (long Amount, int Count)>();
        var firstDay = new DateTime(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = await databases.CreateDbContextAsync())
        {
            var prices = new long[] { 10, 35, 250_000 };
            var plans = prices.Select(price => Plan.Create(Guid.Parse(org), new PlanSettings($"KES {price}", price, TimeSpan.FromHours(1)), firstDay)).ToList();
            var otherPlan = Plan.Create(Guid.Parse(other), new PlanSettings("Other", 250_000, TimeSpan.FromHours(1)), firstDay);
            db.Plans.AddRange(plans);
            db.Plans.Add(otherPlan);
            var receipt = 0;
            void Add(Plan plan, DateTime at, bool pay)
            {
                var purchase = Purchase.Create(plan, KenyanPhoneNumber.Parse("0712345678"), null, PaymentMethodType.Mpesa, at.AddMinutes(-1));
                if (pay)
                {
                    purchase.Settle(plan.PriceKes, $"RV{++receipt:D8}", at);
                    if (plan.OrganizationId == Guid.Parse(org) && at >= firstDay && at < firstDay.AddDays(45))
                    {
                        var (amount, count) = expected.GetValueOrDefault(at.Date);
                        expected[at.Date] = (amount + plan.PriceKes, count + 1);
                    }
                }
                db.Purchases.Add(purchase);
            }

            for (var day = 0; day < 45; day++)
            {
                var start = firstDay.AddDays(day);
                for (var i = 0; i < day % 7; i++)
                    Add(plans[i % 3], start.AddHours(i * 3 + 1), pay: true);
                // The edges of the day: the last microsecond belongs to it, midnight to the next.
                Add(plans[1], start.AddDays(1).AddTicks(-10), pay: day % 2 == 0);
                Add(plans[0], start, pay: true);
                Add(plans[2], start.AddHours(12), pay: false);
                Add(otherPlan, start.AddHours(12), pay: true);
            }
            // More than int.MaxValue shillings in one day: sums are whole shillings in a long.
            var bigDay = firstDay.AddDays(40).AddHours(6);
            for (var i = 0; i < 8_600; i++)
                Add(plans[2], bigDay.AddSeconds(i), pay: true);
            Add(plans[2], firstDay.AddDays(-1), pay: true);
            Add(plans[2], firstDay.AddDays(45), pay: true);
            await db.SaveChangesAsync();
        }

        var result = await api.PostAsync("""
            query($o: ID!) { organization(id: $o) { revenueByDay(from: "2026-09-01T00:00:00Z", to: "2026-10-16T00:00:00Z") { day amountKes purchaseCount } } }
            """, new { o = org }, admin);

        Assert.That(result["errors"], Is.Null, result.ToJsonString());
        var days = result["data"]!["organization"]!["revenueByDay"]!.AsArray()
            .Select(d => (Day: d!["day"]!.GetValue<string>(), Amount: d["amountKes"]!.GetValue<long>(), Count: d["purchaseCount"]!.GetValue<int>()))
            .ToList();
        Assert.That(days, Has.Count.EqualTo(45));
        Assert.That(days, Is.EqualTo(expected.Select(e => (e.Key.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"), e.Value.Amount, e.Value.Count)).ToList()));
        Assert.That(days.Max(d => d.Amount), Is.GreaterThan(int.MaxValue));
        Assert.That(days.Sum(d => d.Amount), Is.EqualTo(expected.Values.Sum(v => v.Amount)));
    }

    private static async Task<string> CreateOrganizationAsync(AdminApi api, string admin, string name) =>
        (await api.PostAsync("mutation($n: String!) { createOrganization(input: { name: $n }) { id } }", new { n = name }, admin))
            ["data"]!["createOrganization"]!["id"]!.GetValue<string>();
}
