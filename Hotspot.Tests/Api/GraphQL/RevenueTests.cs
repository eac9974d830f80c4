using System.Text.Json.Nodes;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
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
}
