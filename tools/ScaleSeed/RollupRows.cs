using Npgsql;

namespace ScaleSeed;

/// <summary>
/// The rollups of the seeded organizations (rows per status, paid purchases per day), counted from their rows once
/// they are all copied, the way migration ScaleRollups counts existing rows. From then on the triggers keep them.
/// </summary>
public static class RollupRows
{
    public static async Task CountAsync(NpgsqlConnection connection, IReadOnlyCollection<Guid> organizations)
    {
        var statements = new[] { "purchases", "vouchers", "isp_mpesa_transactions", "isp_kopokopo_transactions" }
            .Select(table => $"""
                INSERT INTO rollup_row_counts (organization_id, table_name, status, slot, row_count)
                SELECT organization_id, '{table}', status, 0, count(*) FROM {table}
                WHERE organization_id = ANY(@organizations) GROUP BY organization_id, status
                """)
            .Append("""
                INSERT INTO rollup_daily_revenue (organization_id, day, slot, amount_kes, purchase_count)
                SELECT organization_id, (paid_at AT TIME ZONE 'UTC')::date, 0, sum(amount_kes), count(*) FROM purchases
                WHERE organization_id = ANY(@organizations) AND status = 'Paid' AND paid_at IS NOT NULL
                GROUP BY organization_id, (paid_at AT TIME ZONE 'UTC')::date
                """);
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("organizations", organizations.ToArray());
            await command.ExecuteNonQueryAsync();
        }
    }
}
