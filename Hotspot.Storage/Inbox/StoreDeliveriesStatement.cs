using System.Collections.Concurrent;
using Hotspot.Domain.Transactions;
using Hotspot.Storage.Changes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using static Hotspot.Storage.ColumnArrays;

namespace Hotspot.Storage.Inbox;

/// <summary>
/// One PostgreSQL statement, so one round trip (and one commit, or a share of its batch's), that stores deliveries of
/// one kind of callback as <see cref="CallbackBatches"/> gathered them: each column's values travel as one array
/// (<see cref="ColumnArrays"/>), and an exact re-delivery, stored before or earlier in the same batch, is skipped:
/// <code>
/// WITH quiet AS (…) INSERT INTO isp_mpesa_transactions (…) SELECT r.c0, … FROM unnest(@c0::uuid[], …) AS r(c0, …)
/// WHERE (SELECT value FROM quiet) = 'on' ON CONFLICT DO NOTHING RETURNING id
/// </code>
/// Rows are written in the order of their identity (the unique index's columns), so two batches that hold the same two
/// deliveries wait for each other instead of deadlocking.
/// </summary>
internal sealed record StoreDeliveriesStatement(string Sql, IReadOnlyList<IProperty> Columns, IReadOnlyList<IProperty> Identity)
{
    private static readonly ConcurrentDictionary<Type, StoreDeliveriesStatement> Statements = new();

    /// <param name="rows">Of one type.</param>
    /// <returns>The ids of the rows stored: all but the exact re-deliveries.</returns>
    public static async Task<HashSet<Guid>> ExecuteAsync(HotspotDbContext db, IReadOnlyList<StoredCallback> rows, CancellationToken cancellationToken)
    {
        var statement = Statements.GetOrAdd(rows[0].GetType(), type => For(db, type));
        var ordered = rows.OrderBy(statement.IdentityOf, StringComparer.Ordinal).ToList();
        var stored = new HashSet<Guid>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = statement.Sql;
            for (var i = 0; i < statement.Columns.Count; i++)
                Add(command, "c" + i, statement.Columns[i], ordered.Select(r => statement.Columns[i].GetGetter().GetClrValue(r)));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                stored.Add(reader.GetGuid(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return stored;
    }

    /// <summary>
    /// Announces the rows stored already decided (refused, for review, processed), as the quiet triggers left to it;
    /// a row stored undecided is announced when it is applied.
    /// </summary>
    public static Task NotifyAsync(HotspotDbContext db, IEnumerable<StoredCallback> stored, CancellationToken cancellationToken)
    {
        var decided = stored.Where(r => r.Status != CallbackStatus.Received)
            .Select(r => new ChangeNotification(ChangeNotification.PaymentKind, r.OrganizationId, r.Id)).ToList();
        return decided.Count == 0 ? Task.CompletedTask : NotificationsAfterCommit.SendAsync(db, decided, cancellationToken);
    }

    private string IdentityOf(StoredCallback row) => string.Join('\u001f', Identity.Select(p => p.GetGetter().GetClrValue(row)?.ToString()));

    private static StoreDeliveriesStatement For(HotspotDbContext db, Type type)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().ToList();
        var identity = entity.GetIndexes().Single(i => i.IsUnique).Properties;
        var id = entity.FindPrimaryKey()!.Properties.Single();
        string Name(IProperty p) => sql.DelimitIdentifier(p.GetColumnName());
        var text =
            $"WITH {NotificationsAfterCommit.QuietCte} " +
            $"INSERT INTO {sql.DelimitIdentifier(entity.GetTableName()!)} ({string.Join(", ", columns.Select(Name))}) " +
            $"SELECT {string.Join(", ", columns.Select((_, i) => "r.c" + i))} FROM {Unnest(Numbered("c", columns))} " +
            $"WHERE {NotificationsAfterCommit.QuietCondition} ON CONFLICT DO NOTHING RETURNING {Name(id)}";
        return new StoreDeliveriesStatement(text, columns, identity);
    }
}
