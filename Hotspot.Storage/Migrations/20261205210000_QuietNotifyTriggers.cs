using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>
/// The change-notification row triggers (<see cref="ChangeNotifications"/>) test <c>hotspot.notify_after_commit</c> in
/// their WHEN condition, not only in their function: a batch that sends its notifications after its commit
/// (<see cref="NotifyAfterCommit"/>) then queues no trigger event and runs no PL/pgSQL for each of its rows. PostgreSQL only.
/// </summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261205210000_QuietNotifyTriggers")]
public sealed class QuietNotifyTriggers : Migration
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string Loud = "current_setting('hotspot.notify_after_commit', true) IS DISTINCT FROM 'on'";
    private const string Decided = "NEW.status <> 'Received'";
    private const string Applied = "OLD.status = 'Received' AND NEW.status <> 'Received'";

    // (trigger, table, event, condition, kind), as ChangeNotifications created them.
    private static readonly (string Name, string Table, string Event, string? When, string Kind)[] Triggers =
    [
        ("tr_isp_mpesa_transactions_decided", "isp_mpesa_transactions", "INSERT", Decided, "payment"),
        ("tr_isp_mpesa_transactions_applied", "isp_mpesa_transactions", "UPDATE OF status", Applied, "payment"),
        ("tr_isp_kopokopo_transactions_decided", "isp_kopokopo_transactions", "INSERT", Decided, "payment"),
        ("tr_isp_kopokopo_transactions_applied", "isp_kopokopo_transactions", "UPDATE OF status", Applied, "payment"),
        ("tr_purchases_created", "purchases", "INSERT", null, "purchase"),
        ("tr_purchases_status_changed", "purchases", "UPDATE OF status", "OLD.status IS DISTINCT FROM NEW.status", "purchase"),
        ("tr_radius_sessions_started", "radius_sessions", "INSERT", null, "session"),
        ("tr_radius_sessions_stopped", "radius_sessions", "UPDATE OF stopped_at", "OLD.stopped_at IS NULL AND NEW.stopped_at IS NOT NULL", "session"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, quiet: true);

    protected override void Down(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, quiet: false);

    private static void Recreate(MigrationBuilder migrationBuilder, bool quiet)
    {
        if (migrationBuilder.ActiveProvider != NpgsqlProvider)
            return;
        foreach (var t in Triggers)
        {
            var conditions = new[] { t.When, quiet ? Loud : null }.OfType<string>().ToList();
            var when = conditions.Count == 0 ? "" : $" WHEN ({string.Join(" AND ", conditions)})";
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {t.Name} ON {t.Table};");
            migrationBuilder.Sql(
                $"CREATE TRIGGER {t.Name} AFTER {t.Event} ON {t.Table} FOR EACH ROW{when} EXECUTE FUNCTION hotspot_notify_change('{t.Kind}');");
        }
    }
}
