using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>Removed routers keep their row (sessions name them) with the time they were removed.</summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261123170000_RouterRemoval")]
public sealed class RouterRemoval : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateTime>(name: "removed_at", table: "routers", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "removed_at", table: "routers");
}
