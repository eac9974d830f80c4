using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>
/// Attempt counts of the per-phone prompt limit, the sign-in limit per address, the claim limits and the RADIUS
/// wrong-code lockouts, so every API instance sees the same counts.
/// </summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261205150000_SharedLimiters")]
public sealed class SharedLimiters : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "limiter_counts",
            columns: table => new
            {
                key = table.Column<string>(nullable: false),
                hits = table.Column<int>(nullable: false),
                window_ends_ms = table.Column<long>(nullable: false),
                locked_until_ms = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_limiter_counts", x => x.key));

        migrationBuilder.CreateIndex(name: "ix_limiter_counts_window_ends_ms", table: "limiter_counts",
            column: "window_ends_ms", unique: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("limiter_counts");
}
