using System.Data.Common;
using System.Text.Json.Nodes;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.GraphQL;

/// <summary>
/// totalCount and revenueByDay read rollups that database triggers keep (migration ScaleRollups). Rows are written
/// every way rows get written (EF saves from several connections at once, mutations, multi-row and raw SQL inserts,
/// updates that move rows between statuses, days and organizations, deletes), then every figure the dashboard shows
/// is compared with plain SQL over the rows themselves.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class RollupExactnessTests(DatabaseProvider provider)
{
    private static readonly DateTime Start = new(2026, 10, 1, 0, 0, 0, DateTimeKind.Utc);

    [Test]
    public async Task Every_total_count_and_revenue_figure_equals_plain_sql_after_writes_of_every_kind()
    {
        await using var api = await AdminApi.StartAsync(provider);
        var admin = await api.LoginAsync(AdminApi.AdminEmail, AdminApi.AdminPassword);
        var org = Guid.Parse(await CreateOrganizationAsync(api, admin, "Rollup ISP"));
        var other = Guid.Parse(await CreateOrganizationAsync(api, admin, "Neighbour ISP"));
        var databases = api.Api.Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>();
        Plan plan, otherPlan;
        await using (var db = await databases.CreateDbContextAsync())
        {
            plan = Plan.Create(org, new PlanSettings("Day", 50, TimeSpan.FromDays(1)), Start);
            otherPlan = Plan.Create(other, new PlanSettings("Hour", 10, TimeSpan.FromHours(1)), Start);
            db.Plans.AddRange(plan, otherPlan);
            await db.SaveChangesAsync();
        }

        // Purchases saved by EF Core from four connections at once (on PostgreSQL, four backends' shares of a count).
        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(async () =>
        {
            for (var batch = 0; batch < 5; batch++)
            {
                await using var db = await databases.CreateDbContextAsync();
                for (var i = 0; i < 12; i++)
                {
                    var n = writer * 1000 + batch * 100 + i;
                    var at = Start.AddHours(n % 240 * 3 + 0.5);
                    var purchase = Purchase.Create(n % 5 == 0 ? otherPlan : plan, KenyanPhoneNumber.Parse("0712345678"), null, PaymentMethodType.Mpesa, at);
                    if (n % 3 != 0) purchase.Settle(purchase.AmountKes, $"RX{n:D8}", at.AddMinutes(1));
                    db.Purchases.Add(purchase);
                    var payment = MpesaTransaction.Receive(purchase.OrganizationId, MpesaTransactionKind.StkCallback, $"{{\"n\":{n}}}", at.AddMinutes(1),
                        receiptNumber: $"RX{n:D8}", amountKes: purchase.AmountKes);
                    if (n % 3 != 0) payment.MarkSettled(purchase.Id); else payment.MarkForReview(null, "test");
                    db.MpesaTransactions.Add(payment);
                    if (n % 4 == 0)
                        db.KopoKopoTransactions.Add(KopoKopoTransaction.Receive(purchase.OrganizationId, KopoKopoTransactionType.BuyGoods, $"{{\"n\":{n}}}", at,
                            reference: $"K{n:D8}", amountKes: 50, currency: "KES"));
                }
                await db.SaveChangesAsync();
            }
        })));

        // Vouchers by the mutations: a batch, one revoked.
        var generated = await api.PostAsync("mutation($o: ID!, $p: ID!) { generateVouchers(organizationId: $o, input: { planId: $p, count: 30 }) { vouchers { id } } }",
            new { o = org, p = plan.Id }, admin);
        Assert.That(generated["errors"], Is.Null, generated.ToJsonString());
        var revoked = await api.PostAsync("mutation($v: ID!) { revokeVoucher(voucherId: $v) { id } }",
            new { v = generated["data"]!["generateVouchers"]!["vouchers"]![0]!["id"]!.GetValue<string>() }, admin);
        Assert.That(revoked["errors"], Is.Null, revoked.ToJsonString());

        // Raw SQL: paid purchases refused again, payment times moved across days, rows moved to the neighbour and deleted,
        // and a multi-row insert.
        // The SQL is raw on purpose (literals the test builds from its own ids, never input): EF1002's fix would turn
        // them into parameters and change the statements, so it is off here.
#pragma warning disable EF1002
        await using (var db = await databases.CreateDbContextAsync())
        {
            var refused = "'" + string.Join("','", (await db.Purchases.Where(p => p.OrganizationId == org && p.Status == PurchaseStatus.Paid)
                .OrderBy(p => p.CreatedAt).Take(7).Select(p => p.Id).ToListAsync()).Select(Stored)) + "'";
            await db.Database.ExecuteSqlRawAsync($"UPDATE purchases SET status = 'Failed' WHERE id IN ({refused})");
            var moved = await db.Purchases.Where(p => p.OrganizationId == org && p.Status == PurchaseStatus.Paid)
                .OrderByDescending(p => p.CreatedAt).Take(9).Select(p => p.Id).ToListAsync();
            var shifted = string.Join(", ", moved.Select(Literal));
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.PostgreSql
                ? $"UPDATE purchases SET paid_at = paid_at + interval '13 hours', amount_kes = amount_kes + 1 WHERE id IN ({shifted})"
                : $"UPDATE purchases SET paid_at = datetime(paid_at, '+13 hours'), amount_kes = amount_kes + 1 WHERE id IN ({shifted})");
            await db.Database.ExecuteSqlRawAsync($"UPDATE purchases SET organization_id = {Literal(other)} WHERE id = {Literal(moved[0])}");
            await db.Database.ExecuteSqlRawAsync($"DELETE FROM purchases WHERE id = {Literal(moved[1])}");
            await db.Database.ExecuteSqlRawAsync($"UPDATE isp_mpesa_transactions SET status = 'Processed' WHERE organization_id = {Literal(org)} AND status = 'NeedsReview'");
            await db.Database.ExecuteSqlRawAsync($"""
                INSERT INTO isp_kopokopo_transactions (id, organization_id, type, raw_body, status, received_at) VALUES
                ({Literal(Guid.NewGuid())}, {Literal(org)}, 'BuyGoods', '[]', 'NeedsReview', {Time(Start)}),
                ({Literal(Guid.NewGuid())}, {Literal(org)}, 'BuyGoods', '[]', 'NeedsReview', {Time(Start)}),
                ({Literal(Guid.NewGuid())}, {Literal(other)}, 'Settlement', '[]', 'Processed', {Time(Start)})
                """);
        }
#pragma warning restore EF1002

        var result = await api.PostAsync("""
            query($o: ID!) { organization(id: $o) {
              all: purchases { totalCount }
              paid: purchases(where: { status: { eq: PAID } }, order: [{ paidAt: DESC }]) { totalCount nodes { paidAt } }
              unpaid: purchases(where: { status: { neq: PAID } }) { totalCount }
              failedOrCancelled: purchases(where: { status: { in: [FAILED, CANCELLED] } }) { totalCount }
              notFailed: purchases(where: { status: { nin: [FAILED], neq: CANCELLED } }) { totalCount }
              bigPaid: purchases(where: { status: { eq: PAID }, amountKes: { gt: 50 } }) { totalCount }
              vouchers { totalCount }
              unused: vouchers(where: { status: { eq: UNUSED } }) { totalCount }
              revoked: vouchers(where: { status: { eq: REVOKED } }) { totalCount }
              mpesaTransactions { totalCount }
              settled: mpesaTransactions(where: { status: { eq: SETTLED } }) { totalCount }
              kopokopoTransactions { totalCount }
              review: kopokopoTransactions(where: { status: { eq: NEEDS_REVIEW } }) { totalCount }
              wholeDays: revenueByDay(from: "2026-09-30T00:00:00Z", to: "2026-11-02T00:00:00Z") { day amountKes purchaseCount }
              partDays: revenueByDay(from: "2026-10-03T05:30:00Z", to: "2026-10-20T17:00:00Z") { day amountKes purchaseCount }
              withinADay: revenueByDay(from: "2026-10-05T02:00:00Z", to: "2026-10-05T20:00:00Z") { day amountKes purchaseCount } } }
            """, new { o = org }, admin);
        Assert.That(result["errors"], Is.Null, result.ToJsonString());
        var o = result["data"]!["organization"]!;

        await using var check = await databases.CreateDbContextAsync();
        var connection = check.Database.GetDbConnection();
        await connection.OpenAsync();
        var scope = $"organization_id = {Literal(org)}";
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(Count(o, "all"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM purchases WHERE {scope}")));
            Assert.That(Count(o, "paid"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM purchases WHERE {scope} AND status = 'Paid'")));
            Assert.That(Count(o, "unpaid"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM purchases WHERE {scope} AND status <> 'Paid'")));
            Assert.That(Count(o, "failedOrCancelled"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM purchases WHERE {scope} AND status IN ('Failed', 'Cancelled')")));
            Assert.That(Count(o, "notFailed"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM purchases WHERE {scope} AND status NOT IN ('Failed', 'Cancelled')")));
            Assert.That(Count(o, "bigPaid"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM purchases WHERE {scope} AND status = 'Paid' AND amount_kes > 50")));
            Assert.That(Count(o, "vouchers"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM vouchers WHERE {scope}")));
            Assert.That(Count(o, "unused"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM vouchers WHERE {scope} AND status = 'Unused'")));
            Assert.That(Count(o, "revoked"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM vouchers WHERE {scope} AND status = 'Revoked'")));
            Assert.That(Count(o, "mpesaTransactions"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM isp_mpesa_transactions WHERE {scope}")));
            Assert.That(Count(o, "settled"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM isp_mpesa_transactions WHERE {scope} AND status = 'Settled'")));
            Assert.That(Count(o, "kopokopoTransactions"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM isp_kopokopo_transactions WHERE {scope}")));
            Assert.That(Count(o, "review"), Is.EqualTo(await ScalarAsync(connection, $"SELECT count(*) FROM isp_kopokopo_transactions WHERE {scope} AND status = 'NeedsReview'")));
            Assert.That(Days(o, "wholeDays"), Is.EqualTo(await RevenueAsync(connection, scope, new DateTime(2026, 9, 30), new DateTime(2026, 11, 2))));
            Assert.That(Days(o, "partDays"), Is.EqualTo(await RevenueAsync(connection, scope, new DateTime(2026, 10, 3, 5, 30, 0), new DateTime(2026, 10, 20, 17, 0, 0))));
            Assert.That(Days(o, "withinADay"), Is.EqualTo(await RevenueAsync(connection, scope, new DateTime(2026, 10, 5, 2, 0, 0), new DateTime(2026, 10, 5, 20, 0, 0))));
        });
        // The data is not trivial: something of each kind was there to count.
        Assert.That(Count(o, "paid"), Is.GreaterThan(20));
        Assert.That(Days(o, "partDays"), Has.Count.GreaterThan(10));
        Assert.That(Count(o, "revoked"), Is.EqualTo(1));
    }

    private string Literal(Guid id) => "'" + Stored(id) + "'";

    // SQLite stores ids as upper-case text; PostgreSQL as uuid, which reads text of any case.
    private string Stored(Guid id) => provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id.ToString();

    private string Time(DateTime at) => provider == DatabaseProvider.Sqlite ? $"'{at:yyyy-MM-dd HH:mm:ss}'" : $"'{at:yyyy-MM-dd HH:mm:ss}+00'";

    private static long Count(JsonNode organization, string alias) => organization[alias]!["totalCount"]!.GetValue<long>();

    private static List<string> Days(JsonNode organization, string alias) => organization[alias]!.AsArray()
        .Select(d => $"{d!["day"]!.GetValue<string>()[..10]} {d["amountKes"]!.GetValue<long>()} {d["purchaseCount"]!.GetValue<int>()}").ToList();

    private async Task<List<string>> RevenueAsync(DbConnection connection, string scope, DateTime from, DateTime to)
    {
        var day = provider == DatabaseProvider.PostgreSql ? "to_char(paid_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')" : "date(paid_at)";
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {day}, sum(amount_kes), count(*) FROM purchases
            WHERE {scope} AND status = 'Paid' AND paid_at >= {Time(from)} AND paid_at < {Time(to)}
            GROUP BY {day} ORDER BY 1
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var days = new List<string>();
        while (await reader.ReadAsync())
            days.Add($"{reader.GetString(0)} {Convert.ToInt64(reader.GetValue(1))} {Convert.ToInt64(reader.GetValue(2))}");
        return days;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<string> CreateOrganizationAsync(AdminApi api, string admin, string name) =>
        (await api.PostAsync("mutation($n: String!) { createOrganization(input: { name: $n }) { id } }", new { n = name }, admin))
            ["data"]!["createOrganization"]!["id"]!.GetValue<string>();
}
