using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>
/// The callbacks' <c>purchase_id</c> indexes hold linked rows only. The look-ups for stored callbacks that wait for a
/// purchase (by CheckoutRequestID, payment request or receipt, and <c>purchase_id IS NULL</c>) were answered from the
/// <c>purchase_id</c> index whenever the statistics said unlinked rows were rare, and then read every unlinked row of
/// every organization: after a burst of 3,000 forgeries (each is kept, and none is ever linked) that ANALYZE had not
/// seen yet, each look-up read all 3,000 (UnlinkedCallbackLookupTests). On a large table ANALYZE waits for a tenth of
/// it to change, so an attacker could keep that up. A partial index cannot answer <c>IS NULL</c>, so those look-ups go
/// by the organization's id columns, and unlinked deliveries no longer add an entry to it.
/// </summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261206090000_LinkedTransactionIndexes")]
public sealed class LinkedTransactionIndexes : Migration
{
    private static readonly string[] Tables = ["isp_mpesa_transactions", "isp_kopokopo_transactions"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropIndex(name: $"ix_{table}_purchase_id", table: table);
            migrationBuilder.CreateIndex(name: $"ix_{table}_purchase_id", table: table, column: "purchase_id",
                filter: "purchase_id IS NOT NULL");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropIndex(name: $"ix_{table}_purchase_id", table: table);
            migrationBuilder.CreateIndex(name: $"ix_{table}_purchase_id", table: table, column: "purchase_id");
        }
    }
}
