using System.Data.Common;
using System.Text.Json;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Hotspot.Storage.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Hotspot.Tests.Storage;

/// <summary>
/// Forgeries and payments nobody asked for are stored unlinked (no purchase), and an attacker decides how many. The
/// look-ups for stored callbacks that wait for a purchase filter on <c>purchase_id IS NULL</c> too; they must still
/// read only the rows of their own receipt or request id, also right after a burst of such rows that the statistics
/// have not seen yet. PostgreSQL only: the API never analyses a SQLite database, so its planner has no statistics to
/// be misled by.
/// </summary>
[TestFixture(DatabaseProvider.PostgreSql)]
public class UnlinkedCallbackLookupTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private static readonly Guid Organization = Guid.NewGuid();

    [Test]
    public async Task Linking_a_settled_receipt_reads_its_own_notifications_not_every_unlinked_delivery()
    {
        await StoreAsync(200, linked: true);
        await ExecuteAsync("ANALYZE isp_mpesa_transactions; ANALYZE isp_kopokopo_transactions");
        await StoreAsync(3000, linked: false); // after the statistics: as far as the planner knows, every row is linked

        var plans = new PlanRecorder();
        var links = new ReceiptLinks(new RecordingContexts(Database, plans));
        await links.LinkToPurchaseAsync(Organization, Guid.NewGuid(), "RNEW" + Guid.NewGuid().ToString("N")[..6], PaymentMethodType.Mpesa, CancellationToken.None);
        await links.LinkToPurchaseAsync(Organization, Guid.NewGuid(), "RNEW" + Guid.NewGuid().ToString("N")[..6], PaymentMethodType.KopoKopo, CancellationToken.None);

        Assert.That(plans.Plans, Has.Count.EqualTo(2));
        foreach (var plan in plans.Plans)
            Assert.That(RowsRead(plan), Is.LessThan(10), plan);
    }

    private async Task StoreAsync(int count, bool linked)
    {
        await using var db = Database.CreateDbContext();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid().ToString("N");
            var mpesa = MpesaTransaction.Receive(Organization, MpesaTransactionKind.C2BConfirmation, $"{{\"TransID\":\"{id}\"}}", TestData.Now,
                receiptNumber: "R" + id[..9], amountKes: 50);
            var kopoKopo = KopoKopoTransaction.Receive(Organization, KopoKopoTransactionType.BuyGoods, $"{{\"id\":\"{id}\"}}", TestData.Now,
                eventId: id, reference: "R" + id[..9], amountKes: 50);
            foreach (var row in new StoredCallback[] { mpesa, kopoKopo })
            {
                if (linked)
                    row.MarkProcessed(Guid.NewGuid());
                else
                    row.MarkForReview(null, ReceiptLinks.UnclaimedPayment);
            }
            db.AddRange(mpesa, kopoKopo);
        }
        await db.SaveChangesAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = Database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Rows the plan's scans returned or threw away, over all its nodes.</summary>
    private static long RowsRead(string plan)
    {
        long Walk(JsonElement node)
        {
            var rows = node.TryGetProperty("Node Type", out var type) && type.GetString()!.Contains("Scan")
                ? node.GetProperty("Actual Rows").GetInt64() + (node.TryGetProperty("Rows Removed by Filter", out var removed) ? removed.GetInt64() : 0)
                : 0;
            if (node.TryGetProperty("Plans", out var children))
                rows += children.EnumerateArray().Sum(Walk);
            return rows;
        }
        using var document = JsonDocument.Parse(plan);
        return Walk(document.RootElement[0].GetProperty("Plan"));
    }

    /// <summary>Runs each command once more under EXPLAIN ANALYZE, just before it runs, and keeps the plan.</summary>
    private sealed class PlanRecorder : DbCommandInterceptor
    {
        public List<string> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await RecordAsync(command, cancellationToken);
            return result;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await RecordAsync(command, cancellationToken);
            return result;
        }

        private async Task RecordAsync(DbCommand command, CancellationToken cancellationToken)
        {
            await using var explain = (NpgsqlCommand)command.Connection!.CreateCommand();
            explain.Transaction = (NpgsqlTransaction?)command.Transaction;
            explain.CommandText = "EXPLAIN (ANALYZE, FORMAT JSON) " + command.CommandText;
            foreach (NpgsqlParameter parameter in command.Parameters)
                explain.Parameters.Add(parameter.Clone());
            Plans.Add((string)(await explain.ExecuteScalarAsync(cancellationToken))!);
        }
    }

    private sealed class RecordingContexts(TestDatabase database, PlanRecorder plans) : IDbContextFactory<HotspotDbContext>
    {
        private readonly DbContextOptions<HotspotDbContext> _options = Options(database, plans);

        public HotspotDbContext CreateDbContext() => new(_options);

        private static DbContextOptions<HotspotDbContext> Options(TestDatabase database, PlanRecorder plans)
        {
            var builder = new DbContextOptionsBuilder<HotspotDbContext>();
            HotspotDbContextOptions.Configure(builder, database.Provider, database.ConnectionString);
            HotspotDbContextOptions.UseProtector(builder, TestDatabase.Protector);
            builder.AddInterceptors(plans);
            return builder.Options;
        }
    }
}
