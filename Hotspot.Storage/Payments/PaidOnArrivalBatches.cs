using System.Data.Common;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotspot.Storage.Payments;

/// <summary>
/// Paying callbacks that arrive together are settled together (<see cref="WriteBatches{TItem,TResult}"/>): one read
/// finds all their purchases, the domain settles each in memory, and one <see cref="StoreAndSettleStatement"/> pays
/// them, issues their vouchers and stores the callbacks in one commit, whose statement-level rollup triggers run once.
/// A callback is answered only after the commit that holds it, so a provider never gets its 200 for a callback that is
/// not durably stored.
/// </summary>
/// <remarks>
/// Anything the batch cannot take (not the common case, SQLite, or a batch refused by a unique index) gets null back,
/// and the caller stores and applies that callback on its own, as for any other callback: nothing is lost, and the
/// purchase's PENDING guard and the unique indexes keep every payment to exactly once.
/// </remarks>
public sealed class PaidOnArrivalBatches : IAsyncDisposable
{
    /// <summary>About 45 parameters a callback; PostgreSQL takes 65,535 in one statement.</summary>
    public const int MaxBatch = 64;

    private readonly IDbContextFactory<HotspotDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly ILogger<PaidOnArrivalBatches> _logger;
    private readonly WriteBatches<Paying, SettlementResult?> _batches;
    private bool? _postgreSql;

    /// <summary>A paying callback and the settlement it asks for.</summary>
    private sealed record Paying(SettlementRequest Request, StoredCallback Callback);

    public PaidOnArrivalBatches(IDbContextFactory<HotspotDbContext> contexts, TimeProvider time, ILogger<PaidOnArrivalBatches> logger)
    {
        _contexts = contexts;
        _time = time;
        _logger = logger;
        // Two writers: one gathers while the other waits for its commit. Three measured slower (docs/benchmarks.md).
        _batches = new WriteBatches<Paying, SettlementResult?>(MaxBatch, writers: 2, SettleAsync,
            (e, count) => logger.LogWarning(e, "A batch of {Count} paying callbacks was not settled together; each is stored on its own", count),
            unwritten: null);
    }

    /// <summary>Pays a pending purchase, issues its voucher and stores the callback, together with whatever arrived meanwhile.</summary>
    /// <param name="callback">Not stored yet; stored only if this pays the purchase.</param>
    /// <returns>The settlement; null when nothing was written, and the caller must store and apply the callback itself.</returns>
    public async Task<SettlementResult?> SettleAsync(SettlementRequest request, StoredCallback callback, CancellationToken cancellationToken) =>
        await IsPostgreSqlAsync(cancellationToken) ? await _batches.WriteAsync(new Paying(request, callback), cancellationToken) : null;

    public ValueTask DisposeAsync() => _batches.DisposeAsync();

    private async ValueTask<bool> IsPostgreSqlAsync(CancellationToken cancellationToken)
    {
        if (_postgreSql is { } known)
            return known;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return (_postgreSql = db.Database.IsNpgsql()).Value;
    }

    private async Task SettleAsync(IReadOnlyList<WriteBatches<Paying, SettlementResult?>.Waiting> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var now = _time.GetUtcNow().UtcDateTime;
        var purchases = await ReadPurchasesAsync(db, batch.Select(w => w.Item.Request).ToList());

        var rows = new List<(WriteBatches<Paying, SettlementResult?>.Waiting Waiting, StoreAndSettleStatement.Row Row)>(batch.Count);
        var purchasesTaken = new HashSet<Guid>();
        var receiptsTaken = new HashSet<(Guid, string)>();
        foreach (var waiting in batch)
        {
            var (request, callback) = waiting.Item;
            var candidates = purchases.Where(p => request.Purchase.NamesOrHoldsReceipt(p, request.Receipt)).ToList();
            // One purchase, pending, whose receipt paid nothing else, and neither taken by another callback of this batch
            // (a twin delivery, or one receipt twice). Anything else is answered null, and so decided on its own, only
            // once this batch is over (WriteBatches): never beside it.
            if (candidates is not [var purchase] || !request.Purchase.Names(purchase) || purchase.Status != PurchaseStatus.Pending
                || !purchasesTaken.Add(purchase.Id) || (request.Receipt is { } receipt && !receiptsTaken.Add((purchase.OrganizationId, receipt)))
                || purchase.Settle(request.AmountKes, request.Currency, request.Receipt, now) != SettlementOutcome.Settled)
                continue;
            var voucher = Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), now);
            purchase.AttachVoucher(voucher.Id);
            callback.MarkSettled(purchase.Id);
            rows.Add((waiting, new StoreAndSettleStatement.Row(db.Entry(purchase), voucher, callback)));
        }

        var paid = new List<StoreAndSettleStatement.Row>(rows.Count);
        foreach (var group in rows.GroupBy(r => StoreAndSettleStatement.Shape(r.Row)))
        {
            var written = await WriteAsync(db, group.Select(r => r.Row).ToList());
            foreach (var (waiting, row) in group)
            {
                if (!written.Contains(row.Purchase.Entity.Id))
                    continue;
                paid.Add(row);
                waiting.Answer(new SettlementResult(SettlementOutcome.Settled, row.Voucher.Id, row.Voucher.Code, null,
                    row.Purchase.Entity.Id, row.Purchase.Entity.PaymentMethod));
            }
        }
        if (paid.Count == 0)
            return;
        try
        {
            await StoreAndSettleStatement.NotifyAsync(db, paid, CancellationToken.None);
        }
        catch (DbException e)
        {
            // Paid and committed; only live subscribers miss these changes, as when their listener is away.
            _logger.LogWarning(e, "{Count} purchases paid, but their change notifications were not sent", paid.Count);
        }
    }

    /// <summary>Every purchase the batch's callbacks name, and any their receipts already paid, in one read.</summary>
    private static Task<List<Purchase>> ReadPurchasesAsync(HotspotDbContext db, List<SettlementRequest> requests)
    {
        var organizations = requests.Select(r => r.OrganizationId).Distinct().ToArray();
        var ids = requests.Select(r => r.Purchase.PurchaseId).OfType<Guid>().Distinct().ToArray();
        var requestIds = requests.Select(r => r.Purchase.ProviderRequestId).OfType<string>().Distinct().ToArray();
        var receipts = requests.Select(r => r.Receipt).OfType<string>().Distinct().ToArray();
        return db.Purchases
            .Where(p => organizations.Contains(p.OrganizationId)
                && (ids.Contains(p.Id) || requestIds.Contains(p.ProviderRequestId!) || receipts.Contains(p.ProviderReceipt!)))
            .ToListAsync();
    }

    /// <returns>The purchases paid; none when the statement was refused, and then nothing of it was written.</returns>
    private async Task<HashSet<Guid>> WriteAsync(HotspotDbContext db, List<StoreAndSettleStatement.Row> rows)
    {
        try
        {
            return await StoreAndSettleStatement.ExecuteAsync(db, rows, CancellationToken.None);
        }
        catch (DbException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A twin delivery stored earlier, a voucher code or a receipt written first: each callback goes on its own.
            _logger.LogInformation("A batch of {Count} paying callbacks met a row already stored; each is stored on its own", rows.Count);
            return [];
        }
        catch (DbException e) when (DatabaseErrors.IsDeadlock(e))
        {
            // Another writer (the reconciler, another instance) held a row this batch needed while waiting for one of its
            // rows; PostgreSQL rolled this statement back, and each callback goes on its own.
            _logger.LogInformation("A batch of {Count} paying callbacks was chosen as a deadlock victim; each is stored on its own", rows.Count);
            return [];
        }
    }
}
