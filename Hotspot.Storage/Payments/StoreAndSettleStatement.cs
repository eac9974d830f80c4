using System.Collections.Concurrent;
using System.Data.Common;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using static Hotspot.Storage.ColumnArrays;

namespace Hotspot.Storage.Payments;

/// <summary>
/// One PostgreSQL statement, so one round trip (and one commit, or a share of its batch's), for the busiest case:
/// paying callbacks for pending purchases, as many as <see cref="Inbox.CallbackBatches"/> gathered. It pays each
/// purchase only while it is still PENDING, and in the same statement issues the vouchers of the purchases it paid and
/// stores their callbacks, already decided. Each column's values travel as one array (<see cref="ColumnArrays"/>):
/// <code>
/// WITH input AS (SELECT * FROM unnest(@k0::uuid[], …) AS r(k0, k1, k2, u0, …)),
///      locked AS (SELECT id FROM purchases WHERE id IN (SELECT k0 FROM input) ORDER BY 1 FOR UPDATE),
///      paid AS (UPDATE purchases AS t SET status = r.u0, … FROM input AS r
///               WHERE t.id = r.k0 AND t.organization_id IS NOT DISTINCT FROM r.k1 AND t.status IS NOT DISTINCT FROM r.k2 AND t.id IN (SELECT id FROM locked) RETURNING t.id),
///      issued AS (INSERT INTO vouchers (…) SELECT r.v0, … FROM unnest(@p, @v0, …) AS r(p, v0, …) JOIN paid ON paid.id = r.p)
/// INSERT INTO isp_mpesa_transactions (…) SELECT r.c0, … FROM unnest(@p, @c0, …) AS r(p, c0, …) JOIN paid ON paid.id = r.p RETURNING id
/// </code>
/// A callback is inserted only with its purchase's payment, and a unique index (a callback's identity, a voucher's
/// code, a receipt) refuses the whole statement, so either every row of it is written or none is. The statement-level
/// rollup triggers run once for the whole statement. Columns, types and values come from the EF Core model and the
/// domain objects, as for <see cref="Inbox.DeliveryInbox"/>: the domain decides, this only writes. Once committed,
/// <see cref="NotifyAsync"/> sends the change notifications its triggers left to it.
/// </summary>
internal sealed record StoreAndSettleStatement(string Sql, IReadOnlyList<IProperty> PurchaseColumns, IProperty[] PurchaseKey,
    IProperty PurchaseStatus, IReadOnlyList<IProperty> VoucherColumns, IReadOnlyList<IProperty> CallbackColumns)
{
    private static readonly ConcurrentDictionary<(Type Callback, string Changed), StoreAndSettleStatement> Statements = new();

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
        var statement = Statements.GetOrAdd(Shape(rows[0]), _ => For(db, rows[0]));
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
    /// What the triggers would have announced (<see cref="ChangeNotification"/>): each paid purchase's new status and its
    /// stored callback. Sent after the commit (<see cref="NotificationsAfterCommit"/>).
    /// </summary>
    public static Task NotifyAsync(HotspotDbContext db, IEnumerable<Row> paid, CancellationToken cancellationToken) =>
        NotificationsAfterCommit.SendAsync(db, paid.SelectMany(r => new[]
        {
            new ChangeNotification(ChangeNotification.PurchaseKind, r.Purchase.Entity.OrganizationId, r.Purchase.Entity.Id),
            new ChangeNotification(ChangeNotification.PaymentKind, r.Callback.OrganizationId, r.Callback.Id),
        }), cancellationToken);

    private static StoreAndSettleStatement For(HotspotDbContext db, Row shape)
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
        string Select(string prefix, int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"r.{prefix}{i}"));

        var purchaseInput = new[] { ("k0", key[0]), ("k1", key[1]), ("k2", status) }.Concat(Numbered("u", changed));
        var set = string.Join(", ", changed.Select((p, i) => $"{Name(p)} = r.u{i}"));
        // "quiet" runs first (the UPDATE's condition reads it) and lasts until this statement's commit: the triggers then
        // leave the notifications to NotifyAsync, after the commit (migration NotifyAfterCommit says why). "locked" takes
        // the purchases' row locks in id order before anything is written, so two batches that share a purchase (twin
        // deliveries to two instances) wait for each other instead of deadlocking. The UPDATE compares organization and
        // status with IS NOT DISTINCT FROM (the same test here: none of them is null) because no index can serve it, so
        // the plan finds each purchase by its primary key whatever the statistics say. With "=" and statistics not yet
        // gathered, PostgreSQL went through the (organization, status, paid_at) index and read every PENDING purchase of
        // the organization on the way (2,278 rows for one callback).
        var text =
            $"WITH {NotificationsAfterCommit.QuietCte}, " +
            $"input AS MATERIALIZED (SELECT * FROM {Unnest(purchaseInput)}), " +
            $"locked AS MATERIALIZED (SELECT {Name(key[0])} AS id FROM {Table(purchases)} " +
            $"WHERE {Name(key[0])} IN (SELECT k0 FROM input) ORDER BY 1 FOR UPDATE), " +
            $"paid AS (UPDATE {Table(purchases)} AS t SET {set} FROM input AS r " +
            $"WHERE t.{Name(key[0])} = r.k0 AND t.{Name(key[1])} IS NOT DISTINCT FROM r.k1 AND t.{Name(status)} IS NOT DISTINCT FROM r.k2 " +
            $"AND {NotificationsAfterCommit.QuietCondition} " +
            $"AND t.{Name(key[0])} IN (SELECT id FROM locked) RETURNING t.{Name(key[0])} AS id), " +
            $"issued AS (INSERT INTO {Table(vouchers)} ({string.Join(", ", voucherColumns.Select(Name))}) " +
            $"SELECT {Select("v", voucherColumns.Count)} FROM {Unnest(Numbered("v", voucherColumns).Prepend(("p", key[0])))} " +
            "JOIN paid ON paid.id = r.p) " +
            $"INSERT INTO {Table(callbacks)} ({string.Join(", ", callbackColumns.Select(Name))}) " +
            $"SELECT {Select("c", callbackColumns.Count)} FROM {Unnest(Numbered("c", callbackColumns).Prepend(("p", key[0])))} " +
            $"JOIN paid ON paid.id = r.p RETURNING {Name(callbackId)}";
        return new StoreAndSettleStatement(text, changed, key, status, voucherColumns, callbackColumns);
    }

    /// <summary>
    /// One array per column, its values converted by the column's mapping; the status compared is the one read (PENDING).
    /// </summary>
    private void AddParameters(DbCommand command, IReadOnlyList<Row> rows)
    {
        Add(command, "k0", PurchaseKey[0], rows.Select(r => (object?)r.Purchase.Entity.Id));
        Add(command, "k1", PurchaseKey[1], rows.Select(r => (object?)r.Purchase.Entity.OrganizationId));
        Add(command, "k2", PurchaseStatus, rows.Select(r => (object?)r.Purchase.Property(p => p.Status).OriginalValue));
        for (var i = 0; i < PurchaseColumns.Count; i++)
            Add(command, "u" + i, PurchaseColumns[i], rows.Select(r => r.Purchase.Property(PurchaseColumns[i].Name).CurrentValue));
        Add(command, "p", PurchaseKey[0], rows.Select(r => (object?)r.Purchase.Entity.Id));
        for (var i = 0; i < VoucherColumns.Count; i++)
            Add(command, "v" + i, VoucherColumns[i], rows.Select(r => VoucherColumns[i].GetGetter().GetClrValue(r.Voucher)));
        for (var i = 0; i < CallbackColumns.Count; i++)
            Add(command, "c" + i, CallbackColumns[i], rows.Select(r => CallbackColumns[i].GetGetter().GetClrValue(r.Callback)));
    }
}
