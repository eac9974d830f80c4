using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>
/// A transaction that calls <c>pg_notify</c> holds PostgreSQL's one notification-queue lock from before its commit until
/// after it, WAL flush included, so every notifying writer in the cluster commits one after another and none shares a
/// flush (group commit). The busiest writer, a callback stored and settled in one statement, therefore sets
/// <c>hotspot.notify_after_commit</c> for its own transaction and sends the same notifications itself once it has
/// committed, in a statement that writes nothing (no flush). Every other writer is announced by the triggers, as before.
/// </summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261205190000_NotifyAfterCommit")]
public sealed class NotifyAfterCommit : Migration
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == NpgsqlProvider)
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION hotspot_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF current_setting('hotspot.notify_after_commit', true) = 'on' THEN
                    RETURN NULL;
                  END IF;
                  PERFORM pg_notify('hotspot_changes', TG_ARGV[0] || ':' || NEW.organization_id::text || ':' || NEW.id::text);
                  RETURN NULL;
                END $$;
                """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == NpgsqlProvider)
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION hotspot_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM pg_notify('hotspot_changes', TG_ARGV[0] || ':' || NEW.organization_id::text || ':' || NEW.id::text);
                  RETURN NULL;
                END $$;
                """);
    }
}
