using Hotspot.Domain.Plans;
using Npgsql;
using NpgsqlTypes;

namespace ScaleSeed;

/// <summary>
/// Writes one organization's purchases, vouchers and M-Pesa and Kopo Kopo transactions with binary COPY, a table at a
/// time. Purchases are spread over the year before <c>now</c>: 90% paid (each with its voucher, expired but the
/// last 1% active, and its payment), 6% failed, 4% cancelled; none pending, so the reconciler has nothing to ask.
/// Unused batch vouchers number 70% of the purchases. Transactions are 70% M-Pesa STK callbacks, 30% Kopo Kopo.
/// Rows are written as settlement would leave them.
/// </summary>
public sealed class CopyWriter(string connectionString, Guid organizationId, IReadOnlyList<Plan> plans, int index, DateTime now)
{
    private const long Year = TimeSpan.TicksPerDay * 365;

    private Guid PurchaseId(int i) => Id(1, i);
    private Guid VoucherId(int i) => Id(2, i);
    private Plan PlanOf(int i) => plans[i % plans.Count];
    private DateTime CreatedAt(int i, int count) => now.AddTicks(-Year + Year / count * i);
    private static bool Paid(int i) => i % 50 < 45;
    private static string Status(int i) => Paid(i) ? "Paid" : i % 50 < 48 ? "Failed" : "Cancelled";

    // Ids unique across organizations and tables, ascending with the row number (as PostgreSQL compares uuids), so
    // each COPY appends to the primary key's index instead of writing all over it.
    private Guid Id(int table, int i)
    {
        Span<byte> bytes = stackalloc byte[16];
        organizationId.TryWriteBytes(bytes, bigEndian: true, out _);
        bytes[0] = (byte)table;
        bytes[1] = (byte)index;
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(bytes[2..6], i);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The four tables, each on its own connection, at the same time.</summary>
    public Task WriteAllAsync(int purchases, int transactions)
    {
        var mpesa = transactions / 10 * 7;
        return Task.WhenAll(
            OnConnectionAsync(c => PurchasesAsync(c, purchases)),
            OnConnectionAsync(c => VouchersAsync(c, purchases)),
            OnConnectionAsync(c => MpesaTransactionsAsync(c, mpesa, purchases)),
            OnConnectionAsync(c => KopoKopoTransactionsAsync(c, transactions - mpesa, purchases)));
    }

    private async Task OnConnectionAsync(Func<NpgsqlConnection, Task> write)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The rollup triggers stay quiet for this session (a superuser setting): RollupRows counts the seeded rows
        // afterwards with one GROUP BY per table, far cheaper than a transition table of a million rows per COPY.
        await using (var quiet = new NpgsqlCommand("SET session_replication_role = replica", connection))
            await quiet.ExecuteNonQueryAsync();
        await write(connection);
    }

    private async Task PurchasesAsync(NpgsqlConnection connection, int count)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY purchases (id, organization_id, plan_id, phone_number, amount_kes, duration_seconds, payment_method, status,
                provider_request_id, provider_receipt, voucher_id, failure_reason, created_at, updated_at, paid_at, check_attempts)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var i = 0; i < count; i++)
        {
            var plan = PlanOf(i);
            var created = CreatedAt(i, count);
            var paid = Paid(i);
            copy.StartRow();
            copy.Write(PurchaseId(i), NpgsqlDbType.Uuid);
            copy.Write(organizationId, NpgsqlDbType.Uuid);
            copy.Write(plan.Id, NpgsqlDbType.Uuid);
            copy.Write($"2547{i % 100_000_000:D8}", NpgsqlDbType.Text);
            copy.Write(plan.PriceKes, NpgsqlDbType.Bigint);
            copy.Write((long)plan.Duration.TotalSeconds, NpgsqlDbType.Bigint);
            copy.Write(i % 10 < 7 ? "Mpesa" : "KopoKopo", NpgsqlDbType.Text);
            copy.Write(Status(i), NpgsqlDbType.Text);
            copy.Write($"ws_CO_{index:D2}_{i}", NpgsqlDbType.Text);
            if (paid) copy.Write($"S{index:D2}{i:D9}", NpgsqlDbType.Text); else copy.WriteNull();
            if (paid) copy.Write(VoucherId(i), NpgsqlDbType.Uuid); else copy.WriteNull();
            if (paid) copy.WriteNull(); else copy.Write("The customer cancelled the payment.", NpgsqlDbType.Text);
            copy.Write(created, NpgsqlDbType.TimestampTz);
            copy.Write(created.AddSeconds(30), NpgsqlDbType.TimestampTz);
            if (paid) copy.Write(created.AddSeconds(30), NpgsqlDbType.TimestampTz); else copy.WriteNull();
            copy.Write(0, NpgsqlDbType.Integer);
        }
        await copy.CompleteAsync();
    }

    private async Task VouchersAsync(NpgsqlConnection connection, int purchases)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY vouchers (id, organization_id, plan_id, code, status, source, purchase_id, batch_id, duration_seconds,
                created_at, activated_at, expires_at)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var i = 0; i < purchases; i++)
        {
            if (!Paid(i)) continue;
            var plan = PlanOf(i);
            var activated = CreatedAt(i, purchases).AddSeconds(30);
            copy.StartRow();
            copy.Write(VoucherId(i), NpgsqlDbType.Uuid);
            copy.Write(organizationId, NpgsqlDbType.Uuid);
            copy.Write(plan.Id, NpgsqlDbType.Uuid);
            copy.Write($"P{index:D2}{i:D8}", NpgsqlDbType.Text);
            copy.Write(i >= purchases - purchases / 100 ? "Active" : "Expired", NpgsqlDbType.Text);
            copy.Write("Purchase", NpgsqlDbType.Text);
            copy.Write(PurchaseId(i), NpgsqlDbType.Uuid);
            copy.WriteNull();
            copy.Write((long)plan.Duration.TotalSeconds, NpgsqlDbType.Bigint);
            copy.Write(activated, NpgsqlDbType.TimestampTz);
            copy.Write(activated, NpgsqlDbType.TimestampTz);
            copy.Write(activated + plan.Duration, NpgsqlDbType.TimestampTz);
        }
        var unused = purchases / 10 * 7;
        var batch = Id(3, 0);
        for (var i = 0; i < unused; i++)
        {
            var plan = PlanOf(i);
            copy.StartRow();
            copy.Write(Id(4, i), NpgsqlDbType.Uuid);
            copy.Write(organizationId, NpgsqlDbType.Uuid);
            copy.Write(plan.Id, NpgsqlDbType.Uuid);
            copy.Write($"B{index:D2}{i:D8}", NpgsqlDbType.Text);
            copy.Write("Unused", NpgsqlDbType.Text);
            copy.Write("Batch", NpgsqlDbType.Text);
            copy.WriteNull();
            copy.Write(batch, NpgsqlDbType.Uuid);
            copy.Write((long)plan.Duration.TotalSeconds, NpgsqlDbType.Bigint);
            copy.Write(CreatedAt(i, unused), NpgsqlDbType.TimestampTz);
            copy.WriteNull();
            copy.WriteNull();
        }
        await copy.CompleteAsync();
    }

    private async Task MpesaTransactionsAsync(NpgsqlConnection connection, int count, int purchases)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY isp_mpesa_transactions (id, organization_id, kind, merchant_request_id, checkout_request_id, receipt_number,
                result_code, result_description, amount_kes, phone_number, raw_body, purchase_id, status, received_at)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var n = 0; n < count; n++)
        {
            var i = (int)((long)n * purchases / Math.Max(count, 1));
            var paid = Paid(i);
            copy.StartRow();
            copy.Write(Id(5, n), NpgsqlDbType.Uuid);
            copy.Write(organizationId, NpgsqlDbType.Uuid);
            copy.Write("StkCallback", NpgsqlDbType.Text);
            copy.Write($"{index:D2}-{n}", NpgsqlDbType.Text);
            copy.Write($"ws_CO_{index:D2}_{i}", NpgsqlDbType.Text);
            if (paid) copy.Write($"S{index:D2}{i:D9}", NpgsqlDbType.Text); else copy.WriteNull();
            copy.Write(paid ? 0 : 1032, NpgsqlDbType.Integer);
            copy.Write(paid ? "The service request is processed successfully." : "Request cancelled by user", NpgsqlDbType.Text);
            copy.Write(PlanOf(i).PriceKes, NpgsqlDbType.Bigint);
            copy.Write($"2547{i % 100_000_000:D8}", NpgsqlDbType.Text);
            copy.Write("{}", NpgsqlDbType.Text);
            copy.Write(PurchaseId(i), NpgsqlDbType.Uuid);
            copy.Write(paid ? "Settled" : "Processed", NpgsqlDbType.Text);
            copy.Write(CreatedAt(i, purchases).AddSeconds(30), NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync();
    }

    private async Task KopoKopoTransactionsAsync(NpgsqlConnection connection, int count, int purchases)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY isp_kopokopo_transactions (id, organization_id, type, event_id, reference, amount_kes, currency, phone_number,
                till_number, raw_body, purchase_id, status, received_at)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var n = 0; n < count; n++)
        {
            var i = (int)((long)n * purchases / Math.Max(count, 1));
            copy.StartRow();
            copy.Write(Id(6, n), NpgsqlDbType.Uuid);
            copy.Write(organizationId, NpgsqlDbType.Uuid);
            copy.Write("BuyGoods", NpgsqlDbType.Text);
            copy.Write($"evt-{index:D2}-{n}", NpgsqlDbType.Text);
            copy.Write($"K{index:D2}{n:D9}", NpgsqlDbType.Text);
            copy.Write(PlanOf(i).PriceKes, NpgsqlDbType.Bigint);
            copy.Write("KES", NpgsqlDbType.Text);
            copy.Write($"2547{i % 100_000_000:D8}", NpgsqlDbType.Text);
            copy.Write("K555000", NpgsqlDbType.Text);
            copy.Write("{}", NpgsqlDbType.Text);
            copy.WriteNull();
            copy.Write(n % 20 == 0 ? "NeedsReview" : "Processed", NpgsqlDbType.Text);
            copy.Write(CreatedAt(i, purchases).AddSeconds(45), NpgsqlDbType.TimestampTz);
        }
        await copy.CompleteAsync();
    }
}
