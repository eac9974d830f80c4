using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>
/// Two indexes hold only the rows their look-ups can ask for. The reconciler's <c>(status, created_at)</c> index only
/// ever serves <c>status = 'Pending'</c>, so it holds pending purchases: paying, failing or expiring a purchase no longer
/// adds an entry to it, and it stays the size of what is pending, not of every purchase ever sold. The vouchers'
/// <c>(organization_id, batch_id)</c> index finds a generated batch; a voucher issued by a payment has no batch and no
/// longer gets an entry. Each payment writes one index entry less into each of the two tables (an UPDATE that changes
/// an indexed column writes a new entry into every index that covers the new row).
/// </summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261206100000_PendingAndBatchIndexes")]
public sealed class PendingAndBatchIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, partial: true);

    protected override void Down(MigrationBuilder migrationBuilder) => Recreate(migrationBuilder, partial: false);

    private static void Recreate(MigrationBuilder migrationBuilder, bool partial)
    {
        migrationBuilder.DropIndex(name: "ix_purchases_status_created_at", table: "purchases");
        migrationBuilder.CreateIndex(name: "ix_purchases_status_created_at", table: "purchases", columns: ["status", "created_at"],
            filter: partial ? "status = 'Pending'" : null);
        migrationBuilder.DropIndex(name: "ix_vouchers_organization_id_batch_id", table: "vouchers");
        migrationBuilder.CreateIndex(name: "ix_vouchers_organization_id_batch_id", table: "vouchers", columns: ["organization_id", "batch_id"],
            filter: partial ? "batch_id IS NOT NULL" : null);
    }
}
