using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>
/// What became of a payment kept for review (a voucher issued, a refund, a dismissal), by whom and when, on both
/// provider tables. Null on every row received before.
/// </summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261205130000_PaymentResolution")]
public sealed class PaymentResolution : Migration
{
    private static readonly string[] Tables = ["isp_mpesa_transactions", "isp_kopokopo_transactions"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.AddColumn<string>(name: "resolution", table: table, nullable: true);
            migrationBuilder.AddColumn<string>(name: "resolution_note", table: table, nullable: true);
            migrationBuilder.AddColumn<string>(name: "resolved_by", table: table, nullable: true);
            migrationBuilder.AddColumn<DateTime>(name: "resolved_at", table: table, nullable: true);
            migrationBuilder.AddColumn<Guid>(name: "resolution_voucher_id", table: table, nullable: true);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropColumn(name: "resolution_voucher_id", table: table);
            migrationBuilder.DropColumn(name: "resolved_at", table: table);
            migrationBuilder.DropColumn(name: "resolved_by", table: table);
            migrationBuilder.DropColumn(name: "resolution_note", table: table);
            migrationBuilder.DropColumn(name: "resolution", table: table);
        }
    }
}
