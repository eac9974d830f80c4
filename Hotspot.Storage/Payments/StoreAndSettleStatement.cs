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
/// One PostgreSQL statement, so one round trip and one commit, for the busiest case: a paying callback for a pending
/// purchase. It pays the purchase only while it is still PENDING, and in the same statement issues the voucher and
/// stores the callback already decided:
/// <code>
/// WITH paid AS (UPDATE purchases SET status = …, … WHERE id = … AND organization_id = … AND status = 'Pending' RETURNING 1),
///      issued AS (INSERT INTO vouchers (…) SELECT … FROM paid)
/// INSERT INTO isp_mpesa_transactions (…) SELECT … FROM paid
/// </code>
/// It inserts the callback only when it paid, and a unique index (the callback's identity, the voucher's code, the
/// receipt) refuses the whole statement, so either all three rows are written or none is. Columns and values come from
/// the EF Core model and the domain objects, as for <see cref="Inbox.DeliveryInbox"/>: the domain decides, this only writes.
/// Once committed, it sends the change notifications its triggers left to it (<see cref="NotifyAsync"/>).
/// </summary>
internal sealed record StoreAndSettleStatement(string Sql, IReadOnlyList<IProperty> PurchaseColumns, IProperty[] PurchaseKey,
    IProperty PurchaseStatus, IReadOnlyList<IProperty> VoucherColumns, IReadOnlyList<IProperty> CallbackColumns)
{
    private static readonly ConcurrentDictionary<(Type, string), StoreAndSettleStatement> Statements = new();

    /// <returns>True when the purchase was pending and is now paid, with its voucher and the callback stored.</returns>
    public static async Task<bool> ExecuteAsync(HotspotDbContext db, EntityEntry<Purchase> purchase, Voucher voucher, StoredCallback callback,
        CancellationToken cancellationToken)
    {
        purchase.DetectChanges();
        var changed = purchase.Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToList();
        var key = (callback.GetType(), string.Join(",", changed.Select(p => p.Name)));
        var statement = Statements.GetOrAdd(key, _ => For(db, callback.GetType(), changed));
        await using var command = db.Database.GetDbConnection().CreateCommand();
        return await db.Database.ExecuteSqlRawAsync(statement.Sql, statement.Parameters(command, purchase, voucher, callback), cancellationToken) == 1;
    }

    /// <summary>
    /// What the triggers would have announced (<see cref="Changes.ChangeNotification"/>): the purchase's new status and
    /// the stored callback. Sent after the commit in a statement that writes nothing, so it waits for no WAL flush.
    /// </summary>
    public static Task NotifyAsync(HotspotDbContext db, Purchase purchase, StoredCallback callback, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync("SELECT pg_notify(@channel, @purchase), pg_notify(@channel, @callback)",
        [
            new Npgsql.NpgsqlParameter<string>("channel", Changes.ChangeNotification.Channel),
            new Npgsql.NpgsqlParameter<string>("purchase", $"{Changes.ChangeNotification.PurchaseKind}:{purchase.OrganizationId}:{purchase.Id}"),
            new Npgsql.NpgsqlParameter<string>("callback", $"{Changes.ChangeNotification.PaymentKind}:{callback.OrganizationId}:{callback.Id}"),
        ], cancellationToken);

    private static StoreAndSettleStatement For(HotspotDbContext db, Type callbackType, IReadOnlyList<IProperty> changed)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var purchases = db.Model.FindEntityType(typeof(Purchase))!;
        var vouchers = db.Model.FindEntityType(typeof(Voucher))!;
        var callbacks = db.Model.FindEntityType(callbackType) ?? throw new InvalidOperationException($"{callbackType.Name} is not in the model.");
        var key = new[] { purchases.FindProperty(nameof(Purchase.Id))!, purchases.FindProperty(nameof(Purchase.OrganizationId))! };
        var status = purchases.FindProperty(nameof(Purchase.Status))!;
        var voucherColumns = vouchers.GetProperties().ToList();
        var callbackColumns = callbacks.GetProperties().ToList();

        string Name(IProperty p) => sql.DelimitIdentifier(p.GetColumnName());
        string Table(IEntityType e) => sql.DelimitIdentifier(e.GetTableName()!);
        var set = string.Join(", ", changed.Select((p, i) => $"{Name(p)} = @u{i}"));
        // "quiet" runs first (the UPDATE's condition reads it) and lasts until this statement's commit: the triggers then
        // leave the notifications to NotifyAsync, after the commit (migration NotifyAfterCommit says why).
        var text =
            "WITH quiet AS MATERIALIZED (SELECT set_config('hotspot.notify_after_commit', 'on', true) AS value), " +
            $"paid AS (UPDATE {Table(purchases)} SET {set} " +
            $"WHERE {Name(key[0])} = @k0 AND {Name(key[1])} = @k1 AND {Name(status)} = @k2 AND (SELECT value FROM quiet) = 'on' RETURNING 1), " +
            $"issued AS (INSERT INTO {Table(vouchers)} ({string.Join(", ", voucherColumns.Select(Name))}) " +
            $"SELECT {string.Join(", ", voucherColumns.Select((_, i) => "@v" + i))} FROM paid) " +
            $"INSERT INTO {Table(callbacks)} ({string.Join(", ", callbackColumns.Select(Name))}) " +
            $"SELECT {string.Join(", ", callbackColumns.Select((_, i) => "@c" + i))} FROM paid";
        return new StoreAndSettleStatement(text, changed, key, status, voucherColumns, callbackColumns);
    }

    /// <summary>Each value converted and typed by its column's mapping; the status compared is the one read (PENDING).</summary>
    private DbParameter[] Parameters(DbCommand command, EntityEntry<Purchase> purchase, Voucher voucher, StoredCallback callback)
    {
        var parameters = new List<DbParameter>(PurchaseColumns.Count + 3 + VoucherColumns.Count + CallbackColumns.Count);
        for (var i = 0; i < PurchaseColumns.Count; i++)
            parameters.Add(Parameter(command, "u" + i, PurchaseColumns[i], purchase.Property(PurchaseColumns[i].Name).CurrentValue));
        parameters.Add(Parameter(command, "k0", PurchaseKey[0], purchase.Entity.Id));
        parameters.Add(Parameter(command, "k1", PurchaseKey[1], purchase.Entity.OrganizationId));
        parameters.Add(Parameter(command, "k2", PurchaseStatus, purchase.Property(p => p.Status).OriginalValue));
        for (var i = 0; i < VoucherColumns.Count; i++)
            parameters.Add(Parameter(command, "v" + i, VoucherColumns[i], VoucherColumns[i].GetGetter().GetClrValue(voucher)));
        for (var i = 0; i < CallbackColumns.Count; i++)
            parameters.Add(Parameter(command, "c" + i, CallbackColumns[i], CallbackColumns[i].GetGetter().GetClrValue(callback)));
        return parameters.ToArray();
    }

    private static DbParameter Parameter(DbCommand command, string name, IProperty column, object? value) =>
        column.GetRelationalTypeMapping().CreateParameter(command, name, value, column.IsNullable);
}
