using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotspot.Storage.Migrations;

/// <summary>
/// The dashboard at a million rows (issue #14). Two rollups kept by triggers in the transaction that changes the rows,
/// whatever writes them (settlement, resolutions, the portal, raw SQL): rows per organization, table and status
/// (<c>totalCount</c>), and paid purchases per organization and UTC day (<c>revenueByDay</c>). PostgreSQL uses
/// statement triggers over transition tables (one upsert per statement and key, in key order, so bulk writes and COPY
/// stay cheap and lock rollup rows in one order), each writer adding to its backend's share of a count so concurrent
/// settlements do not queue on one row; SQLite (one writer at a time) uses row triggers and a single share. Existing
/// rows are counted once here. Plus indexes for keyset pages: paid purchases newest payment first (an expression
/// index on PostgreSQL, for the order's nulls-last term), paid purchases by time for part days, and vouchers newest
/// first with or without a status.
/// </summary>
[DbContext(typeof(HotspotDbContext))]
[Migration("20261205151000_ScaleRollups")]
public sealed class ScaleRollups : Migration
{
    private const string NpgsqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private static readonly string[] CountedTables = ["purchases", "vouchers", "isp_mpesa_transactions", "isp_kopokopo_transactions"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider == NpgsqlProvider;
        migrationBuilder.CreateTable(
            name: "rollup_row_counts",
            columns: table => new
            {
                organization_id = table.Column<Guid>(nullable: false),
                table_name = table.Column<string>(nullable: false),
                status = table.Column<string>(nullable: false),
                slot = table.Column<int>(nullable: false),
                row_count = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_rollup_row_counts", x => new { x.organization_id, x.table_name, x.status, x.slot }));
        migrationBuilder.CreateTable(
            name: "rollup_daily_revenue",
            columns: table => new
            {
                organization_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                slot = table.Column<int>(nullable: false),
                amount_kes = table.Column<long>(nullable: false),
                purchase_count = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_rollup_daily_revenue", x => new { x.organization_id, x.day, x.slot }));

        foreach (var table in CountedTables)
            migrationBuilder.Sql($"""
                INSERT INTO rollup_row_counts (organization_id, table_name, status, slot, row_count)
                SELECT organization_id, '{table}', status, 0, count(*) FROM {table} GROUP BY organization_id, status
                """);
        migrationBuilder.Sql($"""
            INSERT INTO rollup_daily_revenue (organization_id, day, slot, amount_kes, purchase_count)
            SELECT organization_id, {(postgres ? "(paid_at AT TIME ZONE 'UTC')::date" : "date(paid_at)")}, 0, sum(amount_kes), count(*)
            FROM purchases WHERE status = 'Paid' AND paid_at IS NOT NULL
            GROUP BY organization_id, {(postgres ? "(paid_at AT TIME ZONE 'UTC')::date" : "date(paid_at)")}
            """);
        if (postgres)
            CreatePostgreSqlTriggers(migrationBuilder);
        else
            CreateSqliteTriggers(migrationBuilder);

        migrationBuilder.CreateIndex(name: "ix_purchases_organization_id_status_paid_at", table: "purchases",
            columns: ["organization_id", "status", "paid_at"], unique: false);
        if (postgres)
            migrationBuilder.Sql("""
                CREATE INDEX ix_purchases_organization_id_status_paid_at_id ON purchases
                    (organization_id, status, (CASE WHEN paid_at IS NULL THEN 0 ELSE 1 END) DESC, paid_at DESC, id)
                """);
        else
            migrationBuilder.CreateIndex(name: "ix_purchases_organization_id_status_paid_at_id", table: "purchases",
                columns: ["organization_id", "status", "paid_at", "id"], unique: false);
        migrationBuilder.DropIndex(name: "ix_vouchers_organization_id_status", table: "vouchers");
        migrationBuilder.CreateIndex(name: "ix_vouchers_organization_id_status_created_at", table: "vouchers",
            columns: ["organization_id", "status", "created_at"], unique: false);
        migrationBuilder.CreateIndex(name: "ix_vouchers_organization_id_created_at", table: "vouchers",
            columns: ["organization_id", "created_at"], unique: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var postgres = migrationBuilder.ActiveProvider == NpgsqlProvider;
        migrationBuilder.DropIndex(name: "ix_vouchers_organization_id_created_at", table: "vouchers");
        migrationBuilder.DropIndex(name: "ix_vouchers_organization_id_status_created_at", table: "vouchers");
        migrationBuilder.CreateIndex(name: "ix_vouchers_organization_id_status", table: "vouchers",
            columns: ["organization_id", "status"], unique: false);
        migrationBuilder.DropIndex(name: "ix_purchases_organization_id_status_paid_at_id", table: "purchases");
        migrationBuilder.DropIndex(name: "ix_purchases_organization_id_status_paid_at", table: "purchases");
        foreach (var operation in new[] { "insert", "update", "delete" })
        {
            foreach (var table in CountedTables)
                migrationBuilder.Sql(postgres
                    ? $"DROP TRIGGER IF EXISTS rollup_counts_{operation} ON {table}"
                    : $"DROP TRIGGER IF EXISTS rollup_counts_{table}_{operation}");
            migrationBuilder.Sql(postgres
                ? $"DROP TRIGGER IF EXISTS rollup_revenue_{operation} ON purchases"
                : $"DROP TRIGGER IF EXISTS rollup_revenue_{operation}");
        }
        if (postgres)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS rollup_count_rows()");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS rollup_daily_revenue()");
        }
        migrationBuilder.DropTable("rollup_daily_revenue");
        migrationBuilder.DropTable("rollup_row_counts");
    }

    private static void CreatePostgreSqlTriggers(MigrationBuilder migrationBuilder)
    {
        // The share a writer adds to: its backend's, so two connections settling at once update different rows.
        const string slot = "pg_backend_pid() % 64";
        migrationBuilder.Sql($$"""
            CREATE FUNCTION rollup_count_rows() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO rollup_row_counts AS r (organization_id, table_name, status, slot, row_count)
                    SELECT organization_id, TG_TABLE_NAME, status, {{slot}}, count(*) FROM new_rows
                    GROUP BY organization_id, status ORDER BY organization_id, status
                    ON CONFLICT (organization_id, table_name, status, slot) DO UPDATE SET row_count = r.row_count + excluded.row_count;
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO rollup_row_counts AS r (organization_id, table_name, status, slot, row_count)
                    SELECT organization_id, TG_TABLE_NAME, status, {{slot}}, -count(*) FROM old_rows
                    GROUP BY organization_id, status ORDER BY organization_id, status
                    ON CONFLICT (organization_id, table_name, status, slot) DO UPDATE SET row_count = r.row_count + excluded.row_count;
                ELSE
                    INSERT INTO rollup_row_counts AS r (organization_id, table_name, status, slot, row_count)
                    SELECT organization_id, TG_TABLE_NAME, status, {{slot}}, sum(delta) FROM (
                        SELECT organization_id, status, 1 AS delta FROM new_rows
                        UNION ALL SELECT organization_id, status, -1 FROM old_rows) d
                    GROUP BY organization_id, status HAVING sum(delta) <> 0 ORDER BY organization_id, status
                    ON CONFLICT (organization_id, table_name, status, slot) DO UPDATE SET row_count = r.row_count + excluded.row_count;
                END IF;
                RETURN NULL;
            END $$
            """);
        const string paidDay = "(paid_at AT TIME ZONE 'UTC')::date";
        const string upsertRevenue = """
            ON CONFLICT (organization_id, day, slot) DO UPDATE
                SET amount_kes = r.amount_kes + excluded.amount_kes, purchase_count = r.purchase_count + excluded.purchase_count
            """;
        migrationBuilder.Sql($$"""
            CREATE FUNCTION rollup_daily_revenue() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    INSERT INTO rollup_daily_revenue AS r (organization_id, day, slot, amount_kes, purchase_count)
                    SELECT organization_id, {{paidDay}}, {{slot}}, sum(amount_kes), count(*) FROM new_rows
                    WHERE status = 'Paid' AND paid_at IS NOT NULL
                    GROUP BY organization_id, {{paidDay}} ORDER BY 1, 2
                    {{upsertRevenue}};
                ELSIF TG_OP = 'DELETE' THEN
                    INSERT INTO rollup_daily_revenue AS r (organization_id, day, slot, amount_kes, purchase_count)
                    SELECT organization_id, {{paidDay}}, {{slot}}, -sum(amount_kes), -count(*) FROM old_rows
                    WHERE status = 'Paid' AND paid_at IS NOT NULL
                    GROUP BY organization_id, {{paidDay}} ORDER BY 1, 2
                    {{upsertRevenue}};
                ELSE
                    INSERT INTO rollup_daily_revenue AS r (organization_id, day, slot, amount_kes, purchase_count)
                    SELECT organization_id, day, {{slot}}, sum(amount_kes), sum(delta) FROM (
                        SELECT organization_id, {{paidDay}} AS day, amount_kes, 1 AS delta FROM new_rows
                        WHERE status = 'Paid' AND paid_at IS NOT NULL
                        UNION ALL
                        SELECT organization_id, {{paidDay}}, -amount_kes, -1 FROM old_rows
                        WHERE status = 'Paid' AND paid_at IS NOT NULL) d
                    GROUP BY organization_id, day HAVING sum(delta) <> 0 OR sum(amount_kes) <> 0 ORDER BY 1, 2
                    {{upsertRevenue}};
                END IF;
                RETURN NULL;
            END $$
            """);
        foreach (var table in CountedTables)
            CreateStatementTriggers(migrationBuilder, table, "rollup_counts", "rollup_count_rows");
        CreateStatementTriggers(migrationBuilder, "purchases", "rollup_revenue", "rollup_daily_revenue");
    }

    private static void CreateStatementTriggers(MigrationBuilder migrationBuilder, string table, string name, string function)
    {
        migrationBuilder.Sql($"""
            CREATE TRIGGER {name}_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION {function}()
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER {name}_update AFTER UPDATE ON {table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                FOR EACH STATEMENT EXECUTE FUNCTION {function}()
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER {name}_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS old_rows
                FOR EACH STATEMENT EXECUTE FUNCTION {function}()
            """);
    }

    private static void CreateSqliteTriggers(MigrationBuilder migrationBuilder)
    {
        // SQLite trigger names are database-wide, so they carry the table's name.
        foreach (var table in CountedTables)
        {
            string Count(string row, int delta) => $"""
                INSERT INTO rollup_row_counts (organization_id, table_name, status, slot, row_count)
                VALUES ({row}.organization_id, '{table}', {row}.status, 0, {delta})
                ON CONFLICT (organization_id, table_name, status, slot) DO UPDATE SET row_count = row_count + excluded.row_count;
                """;
            migrationBuilder.Sql($"CREATE TRIGGER rollup_counts_{table}_insert AFTER INSERT ON {table} BEGIN {Count("NEW", 1)} END");
            migrationBuilder.Sql($"CREATE TRIGGER rollup_counts_{table}_delete AFTER DELETE ON {table} BEGIN {Count("OLD", -1)} END");
            migrationBuilder.Sql($"""
                CREATE TRIGGER rollup_counts_{table}_update AFTER UPDATE OF organization_id, status ON {table}
                WHEN OLD.organization_id IS NOT NEW.organization_id OR OLD.status IS NOT NEW.status
                BEGIN {Count("OLD", -1)} {Count("NEW", 1)} END
                """);
        }
        // "WHERE" also settles SQLite's parsing of INSERT ... SELECT ... ON CONFLICT.
        static string Revenue(string row, int sign) => $"""
            INSERT INTO rollup_daily_revenue (organization_id, day, slot, amount_kes, purchase_count)
            SELECT {row}.organization_id, date({row}.paid_at), 0, {sign} * {row}.amount_kes, {sign}
            WHERE {row}.status = 'Paid' AND {row}.paid_at IS NOT NULL
            ON CONFLICT (organization_id, day, slot) DO UPDATE
                SET amount_kes = amount_kes + excluded.amount_kes, purchase_count = purchase_count + excluded.purchase_count;
            """;
        migrationBuilder.Sql($"CREATE TRIGGER rollup_revenue_insert AFTER INSERT ON purchases BEGIN {Revenue("NEW", 1)} END");
        migrationBuilder.Sql($"CREATE TRIGGER rollup_revenue_delete AFTER DELETE ON purchases BEGIN {Revenue("OLD", -1)} END");
        migrationBuilder.Sql($"""
            CREATE TRIGGER rollup_revenue_update AFTER UPDATE OF organization_id, status, paid_at, amount_kes ON purchases
            BEGIN {Revenue("OLD", -1)} {Revenue("NEW", 1)} END
            """);
    }
}
