using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>
/// The callback inbox: a delivery's identity is (organization, route, SHA-256 of the body), and business ids only
/// link deliveries, so the unique indexes on CheckoutRequestID, receipt, event id and reference become plain ones.
/// Rows stored before keep a null hash (an exact re-delivery of one is stored once more and settles nothing new);
/// every row is kept. One receipt pays at most one purchase.
/// </summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261205100000_CallbackInbox")]
public sealed class CallbackInbox : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "body_sha256", table: "isp_mpesa_transactions", nullable: true);
        migrationBuilder.AddColumn<string>(name: "body_sha256", table: "isp_kopokopo_transactions", nullable: true);

        Relax(migrationBuilder, "isp_mpesa_transactions", "organization_id", "checkout_request_id");
        Relax(migrationBuilder, "isp_mpesa_transactions", "organization_id", "receipt_number");
        Relax(migrationBuilder, "isp_kopokopo_transactions", "organization_id", "event_id");
        Relax(migrationBuilder, "isp_kopokopo_transactions", "organization_id", "reference");

        Unique(migrationBuilder, "isp_mpesa_transactions", "organization_id", "kind", "body_sha256");
        Unique(migrationBuilder, "isp_kopokopo_transactions", "organization_id", "type", "body_sha256");
        Unique(migrationBuilder, "purchases", "organization_id", "provider_receipt");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "ux_purchases_organization_id_provider_receipt", table: "purchases");
        migrationBuilder.DropIndex(name: "ux_isp_kopokopo_transactions_organization_id_type_body_sha256", table: "isp_kopokopo_transactions");
        migrationBuilder.DropIndex(name: "ux_isp_mpesa_transactions_organization_id_kind_body_sha256", table: "isp_mpesa_transactions");
        migrationBuilder.DropColumn(name: "body_sha256", table: "isp_kopokopo_transactions");
        migrationBuilder.DropColumn(name: "body_sha256", table: "isp_mpesa_transactions");
        // The business-key indexes stay plain: rows stored since may share a receipt, and going down must not lose them.
    }

    /// <summary>Turns a unique index into a plain one on the same columns (named by SnakeCaseNaming's rule).</summary>
    private static void Relax(MigrationBuilder migrationBuilder, string table, params string[] columns)
    {
        var suffix = $"{table}_{string.Join("_", columns)}";
        migrationBuilder.DropIndex(name: "ux_" + suffix, table: table);
        migrationBuilder.CreateIndex(name: "ix_" + suffix, table: table, columns: columns, unique: false);
    }

    private static void Unique(MigrationBuilder migrationBuilder, string table, params string[] columns) =>
        migrationBuilder.CreateIndex(name: $"ux_{table}_{string.Join("_", columns)}", table: table, columns: columns, unique: true);
}
