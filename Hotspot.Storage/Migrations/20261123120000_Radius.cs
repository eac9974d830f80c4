using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>Routers (RADIUS NAS) per organization and the accounting sessions they report.</summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261123120000_Radius")]
public sealed class Radius : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "routers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organization_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(nullable: false),
                nas_identifier = table.Column<string>(nullable: true),
                ip_address = table.Column<string>(nullable: true),
                attribute_profile = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                last_seen_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_routers", x => x.id));

        migrationBuilder.CreateTable(
            name: "radius_sessions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organization_id = table.Column<Guid>(nullable: false),
                router_id = table.Column<Guid>(nullable: false),
                voucher_id = table.Column<Guid>(nullable: false),
                acct_session_id = table.Column<string>(nullable: false),
                mac_address = table.Column<string>(nullable: true),
                ip_address = table.Column<string>(nullable: true),
                started_at = table.Column<DateTime>(nullable: false),
                last_update_at = table.Column<DateTime>(nullable: false),
                stopped_at = table.Column<DateTime>(nullable: true),
                input_bytes = table.Column<long>(nullable: false),
                output_bytes = table.Column<long>(nullable: false),
                session_seconds = table.Column<long>(nullable: false),
                terminate_cause = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_radius_sessions", x => x.id));

        Index(migrationBuilder, "routers", true, "nas_identifier");
        Index(migrationBuilder, "routers", true, "ip_address");
        Index(migrationBuilder, "routers", false, "organization_id");
        Index(migrationBuilder, "radius_sessions", true, "router_id", "acct_session_id");
        Index(migrationBuilder, "radius_sessions", false, "voucher_id", "stopped_at");
        Index(migrationBuilder, "radius_sessions", false, "organization_id", "started_at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("radius_sessions");
        migrationBuilder.DropTable("routers");
    }

    private static void Index(MigrationBuilder migrationBuilder, string table, bool unique, params string[] columns) =>
        migrationBuilder.CreateIndex(
            name: $"{(unique ? "ux" : "ix")}_{table}_{string.Join("_", columns)}",
            table: table,
            columns: columns,
            unique: unique);
}
