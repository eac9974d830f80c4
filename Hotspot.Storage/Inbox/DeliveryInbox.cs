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
/// duplicate is an answer, not an exception: nothing is logged as a failure and no transaction is spoiled. On
/// PostgreSQL deliveries that arrive together are stored together, beside the payments arriving with them
/// (<see cref="CallbackBatches"/>): forgeries, failures and re-deliveries then cost a share of one commit each, as
/// paying callbacks do, instead of a commit of their own.
/// </summary>
public sealed class DeliveryInbox(IDbContextFactory<HotspotDbContext> contexts, CallbackBatches batches)
{
    private static readonly ConcurrentDictionary<(Type, string), InsertStatement> Statements = new();

    /// <summary>
    /// Stores a delivery and says which row to apply: the new one, or (for an exact re-delivery) the stored one if it
    /// was never decided — the process may have stopped between storing and applying it. Null when there is nothing to
    /// do: the same delivery is stored and was applied already.
    /// </summary>
    public async Task<StoredCallbackReference?> StoreAsync(StoredCallback row, CancellationToken cancellationToken)
    {
        if (row is not (MpesaTransaction or KopoKopoTransaction))
            throw new ArgumentException($"{row.GetType().Name} is not a provider delivery.", nameof(row));
        if (await batches.StoreAsync(row, cancellationToken) is { } written)
            return written.ToApply;

        // SQLite, or a batch that wrote nothing: this row on its own.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = row switch
        {
            MpesaTransaction mpesa => await TryAddAsync(db, mpesa, cancellationToken),
            KopoKopoTransaction kopoKopo => await TryAddAsync(db, kopoKopo, cancellationToken),
            _ => false,
        };
        return stored ? Stored(row) : (await UndecidedTwinsAsync(db, [row], cancellationToken)).GetValueOrDefault(row.Id);
    }

    /// <summary>The reference to a row just stored, carrying the row so that applying it does not read it again.</summary>
    internal static StoredCallbackReference Stored(StoredCallback row) => row switch
    {
        MpesaTransaction mpesa => StoredCallbackReference.Stored(mpesa),
        KopoKopoTransaction kopoKopo => StoredCallbackReference.Stored(kopoKopo),
        _ => throw new ArgumentException($"{row.GetType().Name} is not a provider delivery.", nameof(row)),
    };

    /// <summary>
    /// For exact re-deliveries (not stored again), the stored row of the same delivery if it was never decided: the
    /// process may have stopped between storing and applying it. Keyed by the re-delivery's own id. The query names
    /// every column of the delivery's identity, so it reads the unique index, not all of an organization's deliveries.
    /// </summary>
    internal static async Task<Dictionary<Guid, StoredCallbackReference>> UndecidedTwinsAsync(HotspotDbContext db, IReadOnlyList<StoredCallback> rows,
        CancellationToken cancellationToken)
    {
        var organizations = rows.Select(r => r.OrganizationId).Distinct().ToArray();
        var hashes = rows.Select(r => r.BodySha256).OfType<string>().Distinct().ToArray();
        var twins = new Dictionary<Guid, StoredCallbackReference>();
        if (rows.OfType<MpesaTransaction>().Any())
        {
            var kinds = rows.OfType<MpesaTransaction>().Select(r => r.Kind).Distinct().ToArray();
            var undecided = await db.MpesaTransactions.AsNoTracking()
                .Where(t => organizations.Contains(t.OrganizationId) && kinds.Contains(t.Kind) && hashes.Contains(t.BodySha256!)
                    && t.Status == CallbackStatus.Received)
                .Select(t => new { t.Id, t.OrganizationId, t.Kind, t.BodySha256 }).ToListAsync(cancellationToken);
            foreach (var row in rows.OfType<MpesaTransaction>())
                if (undecided.FirstOrDefault(t => t.OrganizationId == row.OrganizationId && t.Kind == row.Kind && t.BodySha256 == row.BodySha256) is { } twin)
                    twins[row.Id] = new StoredCallbackReference(PaymentMethodType.Mpesa, twin.Id);
        }
        if (rows.OfType<KopoKopoTransaction>().Any())
        {
            var types = rows.OfType<KopoKopoTransaction>().Select(r => r.Type).Distinct().ToArray();
            var undecided = await db.KopoKopoTransactions.AsNoTracking()
                .Where(t => organizations.Contains(t.OrganizationId) && types.Contains(t.Type) && hashes.Contains(t.BodySha256!)
                    && t.Status == CallbackStatus.Received)
                .Select(t => new { t.Id, t.OrganizationId, t.Type, t.BodySha256 }).ToListAsync(cancellationToken);
            foreach (var row in rows.OfType<KopoKopoTransaction>())
                if (undecided.FirstOrDefault(t => t.OrganizationId == row.OrganizationId && t.Type == row.Type && t.BodySha256 == row.BodySha256) is { } twin)
                    twins[row.Id] = new StoredCallbackReference(PaymentMethodType.KopoKopo, twin.Id);
        }
        return twins;
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
        if (db.Database.IsNpgsql())
            await StoreDeliveriesStatement.NotifyAsync(db, [row], cancellationToken);
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
