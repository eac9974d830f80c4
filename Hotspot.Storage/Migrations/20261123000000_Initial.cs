using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>
/// The first schema. Written by hand (no <c>dotnet ef</c> here); column types are inferred from the CLR types
/// so the same migration serves SQLite and PostgreSQL. <c>MigratedSchemaTests</c> proves it equals the model.
/// </summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261123000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var json = MigrationTypes.Json(migrationBuilder);

        migrationBuilder.CreateTable(
            name: "organizations",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(nullable: false),
                payment_method = table.Column<string>(nullable: true),
                daraja_callback_token = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                mpesa_configuration = table.Column<string>(type: json, nullable: true),
                kopokopo_configuration = table.Column<string>(type: json, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_organizations", x => x.id));

        migrationBuilder.CreateTable(
            name: "plans",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organization_id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(nullable: false),
                price_kes = table.Column<long>(nullable: false),
                duration_seconds = table.Column<long>(nullable: false),
                data_cap_bytes = table.Column<long>(nullable: true),
                upload_rate_kbps = table.Column<long>(nullable: true),
                download_rate_kbps = table.Column<long>(nullable: true),
                max_devices = table.Column<int>(nullable: false),
                is_active = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_plans", x => x.id));

        migrationBuilder.CreateTable(
            name: "vouchers",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organization_id = table.Column<Guid>(nullable: false),
                plan_id = table.Column<Guid>(nullable: false),
                code = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                source = table.Column<string>(nullable: false),
                purchase_id = table.Column<Guid>(nullable: true),
                batch_id = table.Column<Guid>(nullable: true),
                duration_seconds = table.Column<long>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                activated_at = table.Column<DateTime>(nullable: true),
                expires_at = table.Column<DateTime>(nullable: true),
                revoked_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_vouchers", x => x.id));

        migrationBuilder.CreateTable(
            name: "purchases",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organization_id = table.Column<Guid>(nullable: false),
                plan_id = table.Column<Guid>(nullable: false),
                phone_number = table.Column<string>(nullable: false),
                mac_address = table.Column<string>(nullable: true),
                amount_kes = table.Column<long>(nullable: false),
                duration_seconds = table.Column<long>(nullable: false),
                payment_method = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                provider_request_id = table.Column<string>(nullable: true),
                provider_receipt = table.Column<string>(nullable: true),
                voucher_id = table.Column<Guid>(nullable: true),
                failure_reason = table.Column<string>(nullable: true),
                review_reason = table.Column<string>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
                paid_at = table.Column<DateTime>(nullable: true),
                last_checked_at = table.Column<DateTime>(nullable: true),
                check_attempts = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_purchases", x => x.id));

        migrationBuilder.CreateTable(
            name: "isp_mpesa_transactions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organization_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(nullable: false),
                merchant_request_id = table.Column<string>(nullable: true),
                checkout_request_id = table.Column<string>(nullable: true),
                conversation_id = table.Column<string>(nullable: true),
                receipt_number = table.Column<string>(nullable: true),
                result_code = table.Column<int>(nullable: true),
                result_description = table.Column<string>(nullable: true),
                amount_kes = table.Column<long>(nullable: true),
                phone_number = table.Column<string>(nullable: true),
                transaction_date = table.Column<DateTime>(nullable: true),
                raw_body = table.Column<string>(nullable: false),
                purchase_id = table.Column<Guid>(nullable: true),
                status = table.Column<string>(nullable: false),
                review_reason = table.Column<string>(nullable: true),
                received_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_isp_mpesa_transactions", x => x.id));

        migrationBuilder.CreateTable(
            name: "isp_kopokopo_transactions",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organization_id = table.Column<Guid>(nullable: false),
                type = table.Column<string>(nullable: false),
                event_id = table.Column<string>(nullable: true),
                reference = table.Column<string>(nullable: true),
                payment_request_id = table.Column<string>(nullable: true),
                provider_status = table.Column<string>(nullable: true),
                amount_kes = table.Column<long>(nullable: true),
                currency = table.Column<string>(nullable: true),
                phone_number = table.Column<string>(nullable: true),
                till_number = table.Column<string>(nullable: true),
                occurred_at = table.Column<DateTime>(nullable: true),
                raw_body = table.Column<string>(nullable: false),
                purchase_id = table.Column<Guid>(nullable: true),
                status = table.Column<string>(nullable: false),
                review_reason = table.Column<string>(nullable: true),
                received_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_isp_kopokopo_transactions", x => x.id));

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                email = table.Column<string>(nullable: false),
                password_hash = table.Column<string>(nullable: false),
                role = table.Column<string>(nullable: false),
                organization_id = table.Column<Guid>(nullable: true),
                is_active = table.Column<bool>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                last_login_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_users", x => x.id));

        migrationBuilder.CreateTable(
            name: "audit_log",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                organization_id = table.Column<Guid>(nullable: true),
                actor = table.Column<string>(nullable: false),
                action = table.Column<string>(nullable: false),
                details = table.Column<string>(nullable: false),
                at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_audit_log", x => x.id));

        migrationBuilder.CreateTable(
            name: "provider_tokens",
            columns: table => new
            {
                cache_key = table.Column<string>(nullable: false),
                encrypted_access_token = table.Column<string>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_provider_tokens", x => x.cache_key));

        migrationBuilder.CreateTable(
            name: "leases",
            columns: table => new
            {
                name = table.Column<string>(nullable: false),
                holder = table.Column<string>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_leases", x => x.name));

        Index(migrationBuilder, "plans", false, "organization_id", "is_active");
        Index(migrationBuilder, "vouchers", true, "code");
        Index(migrationBuilder, "vouchers", true, "purchase_id");
        Index(migrationBuilder, "vouchers", false, "organization_id", "status");
        Index(migrationBuilder, "vouchers", false, "organization_id", "batch_id");
        Index(migrationBuilder, "purchases", true, "organization_id", "provider_request_id");
        Index(migrationBuilder, "purchases", false, "organization_id", "created_at");
        Index(migrationBuilder, "purchases", false, "status", "created_at");
        Index(migrationBuilder, "isp_mpesa_transactions", true, "organization_id", "checkout_request_id");
        Index(migrationBuilder, "isp_mpesa_transactions", true, "organization_id", "receipt_number");
        Index(migrationBuilder, "isp_mpesa_transactions", false, "organization_id", "received_at");
        Index(migrationBuilder, "isp_mpesa_transactions", false, "purchase_id");
        Index(migrationBuilder, "isp_kopokopo_transactions", true, "organization_id", "event_id");
        Index(migrationBuilder, "isp_kopokopo_transactions", true, "organization_id", "reference");
        Index(migrationBuilder, "isp_kopokopo_transactions", false, "organization_id", "payment_request_id");
        Index(migrationBuilder, "isp_kopokopo_transactions", false, "organization_id", "received_at");
        Index(migrationBuilder, "isp_kopokopo_transactions", false, "purchase_id");
        Index(migrationBuilder, "users", true, "email");
        Index(migrationBuilder, "users", false, "organization_id");
        Index(migrationBuilder, "audit_log", false, "organization_id", "at");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[]
                 {
                     "leases", "provider_tokens", "audit_log", "users", "isp_kopokopo_transactions",
                     "isp_mpesa_transactions", "purchases", "vouchers", "plans", "organizations",
                 })
            migrationBuilder.DropTable(table);
    }

    // Same naming rule as the model (SnakeCaseNaming): ux_/ix_ + table + columns.
    private static void Index(MigrationBuilder migrationBuilder, string table, bool unique, params string[] columns) =>
        migrationBuilder.CreateIndex(
            name: $"{(unique ? "ux" : "ix")}_{table}_{string.Join("_", columns)}",
            table: table,
            columns: columns,
            unique: unique);
}
