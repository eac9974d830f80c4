using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>A router's MAC login finds the device's paid purchases by organization and MAC address.</summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261123171000_PurchaseMacIndex")]
public sealed class PurchaseMacIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex(name: "ix_purchases_organization_id_mac_address", table: "purchases",
            columns: ["organization_id", "mac_address"], unique: false);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex(name: "ix_purchases_organization_id_mac_address", table: "purchases");
}
