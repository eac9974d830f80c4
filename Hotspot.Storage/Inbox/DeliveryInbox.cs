using System.Collections.Concurrent;
using System.Data.Common;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Transactions;
using Hotspot.Storage.Changes;
using Hotspot.Storage.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hotspot.Storage.Inbox;

/// <summary>
/// Stores each provider delivery once. An exact re-delivery (same organization, route and body hash) meets the unique
/// index and is skipped by <c>INSERT … ON CONFLICT DO NOTHING</c> (PostgreSQL and SQLite both speak it), so a
/// duplicate is an answer, not an exception: nothing is logged as a failure and no transaction is spoiled.
/// </summary>
public static class DeliveryInbox
{
    private static readonly ConcurrentDictionary<(Type, string), InsertStatement> Statements = new();

    /// <summary>
    /// Stores a delivery and says which row to apply: the new one, or (for an exact re-delivery) the stored one if it
    /// was never decided — the process may have stopped between storing and applying it. Null when there is nothing to
    /// do: the same delivery is stored and was applied already.
    /// </summary>
    public static async Task<StoredCallbackReference?> StoreAsync(IDbContextFactory<HotspotDbContext> contexts, StoredCallback row,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        switch (row)
        {
            case MpesaTransaction mpesa:
                if (await TryAddAsync(db, mpesa, cancellationToken))
                    return StoredCallbackReference.Stored(mpesa);
                var undecidedMpesa = await db.MpesaTransactions.AsNoTracking()
                    .Where(t => t.OrganizationId == mpesa.OrganizationId && t.Kind == mpesa.Kind && t.BodySha256 == mpesa.BodySha256
                        && t.Status == CallbackStatus.Received)
                    .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
                return undecidedMpesa is { } m ? new StoredCallbackReference(PaymentMethodType.Mpesa, m) : null;
            case KopoKopoTransaction kopoKopo:
                if (await TryAddAsync(db, kopoKopo, cancellationToken))
                    return StoredCallbackReference.Stored(kopoKopo);
                var undecidedKopoKopo = await db.KopoKopoTransactions.AsNoTracking()
                    .Where(t => t.OrganizationId == kopoKopo.OrganizationId && t.Type == kopoKopo.Type && t.BodySha256 == kopoKopo.BodySha256
                        && t.Status == CallbackStatus.Received)
                    .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
                return undecidedKopoKopo is { } k ? new StoredCallbackReference(PaymentMethodType.KopoKopo, k) : null;
            default:
                throw new ArgumentException($"{row.GetType().Name} is not a provider delivery.", nameof(row));
        }
    }

    /// <returns>True when the row was stored; false when the same delivery is already there.</returns>
    /// <remarks>
    /// On PostgreSQL a row stored already decided (refused, for review, processed) is announced after the commit, as a
    /// settled batch is (<see cref="NotificationsAfterCommit"/>): forgeries and other deliveries stored on their own then
    /// do not queue on the notification lock, each behind the other's WAL flush.
    /// </remarks>
    public static async Task<bool> TryAddAsync<T>(HotspotDbContext db, T row, CancellationToken cancellationToken) where T : StoredCallback
    {
        var statement = Statements.GetOrAdd((typeof(T), db.Database.ProviderName ?? ""), _ => InsertStatement.For(db, typeof(T)));
        await using var command = db.Database.GetDbConnection().CreateCommand();
        var parameters = statement.Parameters(command, row);
        if (await db.Database.ExecuteSqlRawAsync(statement.Sql, parameters, cancellationToken) != 1)
            return false;
        if (db.Database.IsNpgsql() && row.Status != CallbackStatus.Received)
            await NotificationsAfterCommit.SendAsync(db, [new ChangeNotification(ChangeNotification.PaymentKind, row.OrganizationId, row.Id)],
                cancellationToken);
        return true;
    }

    /// <summary>The SQL for one entity type and its columns, read from the EF Core model (so a new column is never forgotten).</summary>
    private sealed record InsertStatement(string Sql, IReadOnlyList<IProperty> Columns)
    {
        public static InsertStatement For(HotspotDbContext db, Type type)
        {
            var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
            var sql = db.GetService<ISqlGenerationHelper>();
            var columns = entity.GetProperties().ToList();
            var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName())));
            var values = string.Join(", ", columns.Select((_, i) => "@p" + i));
            var table = sql.DelimitIdentifier(entity.GetTableName()!);
            // PostgreSQL: quiet triggers, and TryAddAsync announces the row after the commit.
            return new InsertStatement(db.Database.IsNpgsql()
                ? $"WITH {NotificationsAfterCommit.QuietCte} INSERT INTO {table} ({names}) SELECT {values} " +
                  $"WHERE {NotificationsAfterCommit.QuietCondition} ON CONFLICT DO NOTHING"
                : $"INSERT INTO {table} ({names}) VALUES ({values}) ON CONFLICT DO NOTHING",
                columns);
        }

        /// <summary>Each column's value converted and typed by its own mapping (enum names, UTC dates, GUID text on SQLite).</summary>
        public DbParameter[] Parameters(DbCommand command, object row) =>
            Columns.Select((column, i) => column.GetRelationalTypeMapping()
                .CreateParameter(command, "p" + i, column.GetGetter().GetClrValue(row), column.IsNullable)).ToArray();
    }
}
