using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>
/// Triggers that announce committed changes to live subscribers, ids only: a stored payment once applied, a purchase created or
/// changing status, a RADIUS session starting or stopping. On PostgreSQL they call <c>pg_notify</c>, which the
/// server delivers only when the transaction commits (and never when it rolls back), so no code on the payment path
/// publishes anything. On SQLite they write the same to <c>change_events</c> inside the writing transaction.
/// </summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261205152000_ChangeNotifications")]
public sealed class ChangeNotifications : Migration
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    // A payment is announced once, when it leaves Received (stored raw, not yet applied) for what became of it, so a
    // subscriber reads it settled, processed or kept for review; a row stored already applied is announced at once.
    private const string Decided = "NEW.status <> 'Received'";
    private const string Applied = "OLD.status = 'Received' AND NEW.status <> 'Received'";

    // (trigger, table, event, condition, kind)
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

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "change_events",
            columns: table => new
            {
                sequence = table.Column<long>(nullable: false)
                    .Annotation("Sqlite:Autoincrement", true)
                    .Annotation("Npgsql:ValueGenerationStrategy", Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                kind = table.Column<string>(nullable: false),
                organization_id = table.Column<Guid>(nullable: false),
                row_id = table.Column<Guid>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_change_events", x => x.sequence));

        if (migrationBuilder.ActiveProvider == NpgsqlProvider)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION hotspot_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM pg_notify('hotspot_changes', TG_ARGV[0] || ':' || NEW.organization_id::text || ':' || NEW.id::text);
                  RETURN NULL;
                END $$;
                """);
            foreach (var t in Triggers)
            {
                var when = t.When is null ? "" : $" WHEN ({t.When})";
                migrationBuilder.Sql(
                    $"CREATE TRIGGER {t.Name} AFTER {t.Event} ON {t.Table} FOR EACH ROW{when} EXECUTE FUNCTION hotspot_notify_change('{t.Kind}');");
            }
        }
        else
        {
            foreach (var t in Triggers)
            {
                // SQLite spells IS DISTINCT FROM as IS NOT.
                var when = t.When is null ? "" : " WHEN " + t.When.Replace("IS DISTINCT FROM", "IS NOT", StringComparison.Ordinal);
                migrationBuilder.Sql(
                    $"CREATE TRIGGER {t.Name} AFTER {t.Event} ON {t.Table}{when} BEGIN " +
                    $"INSERT INTO change_events (kind, organization_id, row_id) VALUES ('{t.Kind}', NEW.organization_id, NEW.id); END;");
            }
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var t in Triggers)
        {
            migrationBuilder.Sql(migrationBuilder.ActiveProvider == NpgsqlProvider
                ? $"DROP TRIGGER IF EXISTS {t.Name} ON {t.Table};"
                : $"DROP TRIGGER IF EXISTS {t.Name};");
        }
        if (migrationBuilder.ActiveProvider == NpgsqlProvider)
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS hotspot_notify_change();");
        migrationBuilder.DropTable("change_events");
    }
}
