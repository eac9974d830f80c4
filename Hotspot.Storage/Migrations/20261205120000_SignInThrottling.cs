using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>Failed password sign-ins per email (hashed), so a lockout holds across API instances.</summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261205120000_SignInThrottling")]
public sealed class SignInThrottling : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "sign_in_failures",
            columns: table => new
            {
                email_hash = table.Column<string>(nullable: false),
                failures = table.Column<int>(nullable: false),
                window_ends_at = table.Column<DateTime>(nullable: false),
                locked_until = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_sign_in_failures", x => x.email_hash));

        migrationBuilder.CreateIndex(name: "ix_sign_in_failures_window_ends_at", table: "sign_in_failures",
            column: "window_ends_at", unique: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("sign_in_failures");
}
