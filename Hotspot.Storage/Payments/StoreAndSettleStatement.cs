using System.Collections.Concurrent;
using System.Data.Common;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hotspot.Storage.Payments;

/// <summary>
/// One PostgreSQL statement, so one round trip and one commit, for the busiest case: paying callbacks for pending
/// purchases, as many as <see cref="PaidOnArrivalBatches"/> gathered. It pays each purchase only while it is still
/// PENDING, and in the same statement issues the vouchers of the purchases it paid and stores their callbacks, already
/// decided:
/// <code>
/// WITH locked AS (SELECT id FROM purchases WHERE id IN (…) ORDER BY 1 FOR UPDATE),
///      paid AS (UPDATE purchases AS p SET status = r.u0, … FROM (VALUES (…), (…)) AS r(k0, k1, k2, u0, …)
///               WHERE p.id = r.k0 AND p.organization_id = r.k1 AND p.status = r.k2 AND p.id IN (SELECT id FROM locked) RETURNING p.id),
///      issued AS (INSERT INTO vouchers (…) SELECT r.… FROM (VALUES (…), (…)) AS r(…) JOIN paid ON paid.id = r.k)
/// INSERT INTO isp_mpesa_transactions (…) SELECT r.… FROM (VALUES (…), (…)) AS r(…) JOIN paid ON paid.id = r.k RETURNING id
/// </code>
/// A callback is inserted only with its purchase's payment, and a unique index (a callback's identity, a voucher's
/// code, a receipt) refuses the whole statement, so either every row of it is written or none is. The statement-level
/// rollup triggers run once for the whole statement, which is most of what a batch saves. Columns and values come from
/// the EF Core model and the domain objects, as for <see cref="Inbox.DeliveryInbox"/>: the domain decides, this only
/// writes. Once committed, <see cref="NotifyAsync"/> sends the change notifications its triggers left to it.
/// </summary>
internal sealed record StoreAndSettleStatement(string Sql, IReadOnlyList<IProperty> PurchaseColumns, IProperty[] PurchaseKey,
    IProperty PurchaseStatus, IReadOnlyList<IProperty> VoucherColumns, IReadOnlyList<IProperty> CallbackColumns)
{
    private static readonly ConcurrentDictionary<(Type Callback, string Changed, int Rows), StoreAndSettleStatement> Statements = new();

    /// <summary>A purchase settled in memory (still tracked, so its changes are known), its new voucher and the callback that paid it.</summary>
    public sealed record Row(EntityEntry<Purchase> Purchase, Voucher Voucher, StoredCallback Callback);

    /// <summary>
    /// Rows that one statement can write together: the same kind of callback and the same purchase columns changed.
    /// </summary>
    public static (Type Callback, string Changed) Shape(Row row)
    {
        row.Purchase.DetectChanges();
        return (row.Callback.GetType(), string.Join(",", row.Purchase.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name)));
    }

    /// <param name="rows">Of one <see cref="Shape"/>, each for a different purchase.</param>
    /// <returns>The ids of the purchases this statement paid: those still pending when it ran.</returns>
    public static async Task<HashSet<Guid>> ExecuteAsync(HotspotDbContext db, IReadOnlyList<Row> rows, CancellationToken cancellationToken)
    {
        var shape = Shape(rows[0]);
        var statement = Statements.GetOrAdd((shape.Callback, shape.Changed, rows.Count), key => For(db, rows[0], key.Rows));
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement.Sql;
            statement.AddParameters(command, rows);
            var callbacks = rows.ToDictionary(r => r.Callback.Id, r => r.Purchase.Entity.Id);
            var paid = new HashSet<Guid>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                paid.Add(callbacks[reader.GetGuid(0)]);
            return paid;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// What the triggers would have announced (<see cref="Changes.ChangeNotification"/>): each paid purchase's new status
    /// and its stored callback. Sent after the commit in a statement that writes nothing, so it waits for no WAL flush.
    /// </summary>
    public static Task NotifyAsync(HotspotDbContext db, IEnumerable<Row> paid, CancellationToken cancellationToken)
    {
        var payloads = paid.SelectMany(r => new[]
        {
            $"{Changes.ChangeNotification.PurchaseKind}:{r.Purchase.Entity.OrganizationId}:{r.Purchase.Entity.Id}",
            $"{Changes.ChangeNotification.PaymentKind}:{r.Callback.OrganizationId}:{r.Callback.Id}",
        }).ToArray();
        return db.Database.ExecuteSqlRawAsync("SELECT pg_notify(@channel, payload) FROM unnest(@payloads) AS payload",
        [
            new Npgsql.NpgsqlParameter<string>("channel", Changes.ChangeNotification.Channel),
            new Npgsql.NpgsqlParameter<string[]>("payloads", payloads),
        ], cancellationToken);
    }

    private static StoreAndSettleStatement For(HotspotDbContext db, Row shape, int rows)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var purchases = db.Model.FindEntityType(typeof(Purchase))!;
        var vouchers = db.Model.FindEntityType(typeof(Voucher))!;
        var callbacks = db.Model.FindEntityType(shape.Callback.GetType())
            ?? throw new InvalidOperationException($"{shape.Callback.GetType().Name} is not in the model.");
        var changed = shape.Purchase.Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToList();
        var key = new[] { purchases.FindProperty(nameof(Purchase.Id))!, purchases.FindProperty(nameof(Purchase.OrganizationId))! };
        var status = purchases.FindProperty(nameof(Purchase.Status))!;
        var voucherColumns = vouchers.GetProperties().ToList();
        var callbackColumns = callbacks.GetProperties().ToList();
        var callbackId = callbacks.FindPrimaryKey()!.Properties.Single();

        string Name(IProperty p) => sql.DelimitIdentifier(p.GetColumnName());
        string Table(IEntityType e) => sql.DelimitIdentifier(e.GetTableName()!);
        // VALUES rows of parameters named prefix + column + "_" + row, e.g. (@u0_0, @u1_0), (@u0_1, @u1_1).
        string Values(IEnumerable<string> columns) => string.Join(", ", Enumerable.Range(0, rows)
            .Select(row => "(" + string.Join(", ", columns.Select(c => $"@{c}_{row}")) + ")"));
        IEnumerable<string> Numbered(string prefix, int count) => Enumerable.Range(0, count).Select(i => prefix + i);

        var purchaseInput = new[] { "k0", "k1", "k2" }.Concat(Numbered("u", changed.Count)).ToList();
        var voucherInput = new[] { "p" }.Concat(Numbered("v", voucherColumns.Count)).ToList();
        var callbackInput = new[] { "p" }.Concat(Numbered("c", callbackColumns.Count)).ToList();
        var set = string.Join(", ", changed.Select((p, i) => $"{Name(p)} = r.u{i}"));
        // "quiet" runs first (the UPDATE's condition reads it) and lasts until this statement's commit: the triggers then
        // leave the notifications to NotifyAsync, after the commit (migration NotifyAfterCommit says why).
        // "locked" takes the purchases' row locks in id order before anything is written, so two batches that share a
        // purchase (twin deliveries to two instances) wait for each other instead of deadlocking.
        var text =
            "WITH quiet AS MATERIALIZED (SELECT set_config('hotspot.notify_after_commit', 'on', true) AS value), " +
            $"locked AS MATERIALIZED (SELECT {Name(key[0])} AS id FROM {Table(purchases)} " +
            $"WHERE {Name(key[0])} IN ({string.Join(", ", Enumerable.Range(0, rows).Select(row => $"@k0_{row}"))}) ORDER BY 1 FOR UPDATE), " +
            $"paid AS (UPDATE {Table(purchases)} AS t SET {set} FROM (VALUES {Values(purchaseInput)}) AS r({string.Join(", ", purchaseInput)}) " +
            $"WHERE t.{Name(key[0])} = r.k0 AND t.{Name(key[1])} = r.k1 AND t.{Name(status)} = r.k2 AND (SELECT value FROM quiet) = 'on' " +
            $"AND t.{Name(key[0])} IN (SELECT id FROM locked) RETURNING t.{Name(key[0])} AS id), " +
            $"issued AS (INSERT INTO {Table(vouchers)} ({string.Join(", ", voucherColumns.Select(Name))}) " +
            $"SELECT {string.Join(", ", Numbered("r.v", voucherColumns.Count))} " +
            $"FROM (VALUES {Values(voucherInput)}) AS r({string.Join(", ", voucherInput)}) JOIN paid ON paid.id = r.p) " +
            $"INSERT INTO {Table(callbacks)} ({string.Join(", ", callbackColumns.Select(Name))}) " +
            $"SELECT {string.Join(", ", Numbered("r.c", callbackColumns.Count))} " +
            $"FROM (VALUES {Values(callbackInput)}) AS r({string.Join(", ", callbackInput)}) JOIN paid ON paid.id = r.p " +
            $"RETURNING {Name(callbackId)}";
        return new StoreAndSettleStatement(text, changed, key, status, voucherColumns, callbackColumns);
    }

    /// <summary>Each value converted and typed by its column's mapping; the status compared is the one read (PENDING).</summary>
    private void AddParameters(DbCommand command, IReadOnlyList<Row> rows)
    {
        var purchaseId = PurchaseKey[0];
        for (var row = 0; row < rows.Count; row++)
        {
            var (purchase, voucher, callback) = rows[row];
            Add(command, $"k0_{row}", purchaseId, purchase.Entity.Id);
            Add(command, $"k1_{row}", PurchaseKey[1], purchase.Entity.OrganizationId);
            Add(command, $"k2_{row}", PurchaseStatus, purchase.Property(p => p.Status).OriginalValue);
            for (var i = 0; i < PurchaseColumns.Count; i++)
                Add(command, $"u{i}_{row}", PurchaseColumns[i], purchase.Property(PurchaseColumns[i].Name).CurrentValue);
            Add(command, $"p_{row}", purchaseId, purchase.Entity.Id);
            for (var i = 0; i < VoucherColumns.Count; i++)
                Add(command, $"v{i}_{row}", VoucherColumns[i], VoucherColumns[i].GetGetter().GetClrValue(voucher));
            for (var i = 0; i < CallbackColumns.Count; i++)
                Add(command, $"c{i}_{row}", CallbackColumns[i], CallbackColumns[i].GetGetter().GetClrValue(callback));
        }
    }

    private static void Add(DbCommand command, string name, IProperty column, object? value) =>
        command.Parameters.Add(column.GetRelationalTypeMapping().CreateParameter(command, name, value, column.IsNullable));
}
