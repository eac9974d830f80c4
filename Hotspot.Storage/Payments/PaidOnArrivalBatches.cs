using System.Data.Common;
using System.Threading.Channels;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotspot.Storage.Payments;

/// <summary>
/// Paying callbacks that arrive while others are being written wait and go together: one read finds all their
/// purchases, the domain settles each in memory, and one <see cref="StoreAndSettleStatement"/> pays them, issues their
/// vouchers and stores the callbacks in one commit. On PostgreSQL a commit, a statement and its rollup triggers cost
/// about the same for one row as for sixty, so under load this is what lets two cores settle thousands a second; when
/// callbacks come one at a time, each is a batch of one and waits for nothing. A callback is answered only after the
/// commit that holds it, so a provider never gets its 200 for a callback that is not durably stored.
/// </summary>
/// <remarks>
/// Anything the batch cannot take (not the common case, SQLite, or a batch refused by a unique index) gets null back,
/// and the caller stores and applies that callback on its own, as for any other callback: nothing is lost, and the
/// purchase's PENDING guard and the unique indexes keep every payment to exactly once.
/// </remarks>
public sealed class PaidOnArrivalBatches(
    IDbContextFactory<HotspotDbContext> contexts,
    TimeProvider time,
    ILogger<PaidOnArrivalBatches> logger) : IAsyncDisposable
{
    /// <summary>About 45 parameters a callback; PostgreSQL takes 65,535 in one statement.</summary>
    public const int MaxBatch = 64;

    /// <summary>Batches in flight at once: one gathers while another waits for its commit.</summary>
    private const int Writers = 2;

    private readonly Channel<Waiting> _queue = Channel.CreateUnbounded<Waiting>();
    private readonly Lock _start = new();
    private Task[]? _writers;
    private bool? _postgreSql;

    private sealed record Waiting(SettlementRequest Request, StoredCallback Callback, TaskCompletionSource<SettlementResult?> Result)
    {
        public void Answer(SettlementResult? result) => Result.TrySetResult(result);
    }

    /// <summary>Pays a pending purchase, issues its voucher and stores the callback, together with whatever arrived meanwhile.</summary>
    /// <param name="callback">Not stored yet; stored only if this pays the purchase.</param>
    /// <returns>The settlement; null when nothing was written, and the caller must store and apply the callback itself.</returns>
    public async Task<SettlementResult?> SettleAsync(SettlementRequest request, StoredCallback callback, CancellationToken cancellationToken)
    {
        if (!await IsPostgreSqlAsync(cancellationToken))
            return null;
        StartWriters();
        var waiting = new Waiting(request, callback, new TaskCompletionSource<SettlementResult?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(waiting))
            return null; // shutting down
        // A caller that stops waiting (the provider hung up) leaves the callback in its batch: it is settled or not,
        // and the provider's retry finds it stored either way.
        return await waiting.Result.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writers is { } writers)
            await Task.WhenAll(writers);
    }

    private async ValueTask<bool> IsPostgreSqlAsync(CancellationToken cancellationToken)
    {
        if (_postgreSql is { } known)
            return known;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (_postgreSql = db.Database.IsNpgsql()).Value;
    }

    private void StartWriters()
    {
        if (_writers is not null)
            return;
        lock (_start)
            _writers ??= Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync)).ToArray();
    }

    /// <summary>Takes what has queued up (at least one), settles it as one batch, and again until the queue closes.</summary>
    private async Task WriteAsync()
    {
        var batch = new List<Waiting>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var waiting))
                batch.Add(waiting);
            try
            {
                await SettleAsync(batch);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A batch of {Count} paying callbacks was not settled together; each is stored on its own", batch.Count);
            }
            finally
            {
                // Whatever was not answered wrote nothing: its caller takes the general path.
                foreach (var waiting in batch)
                    waiting.Answer(null);
                batch.Clear();
            }
        }
    }

    private async Task SettleAsync(List<Waiting> batch)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var purchases = await ReadPurchasesAsync(db, batch);

        var rows = new List<(Waiting Waiting, StoreAndSettleStatement.Row Row)>(batch.Count);
        var purchasesTaken = new HashSet<Guid>();
        var receiptsTaken = new HashSet<(Guid, string)>();
        foreach (var waiting in batch)
        {
            var request = waiting.Request;
            var candidates = purchases.Where(p => request.Purchase.NamesOrHoldsReceipt(p, request.Receipt)).ToList();
            // One purchase, pending, whose receipt paid nothing else, and neither taken by another callback of this batch
            // (a twin delivery, or one receipt twice). Anything else is answered null, and so decided on its own, only
            // once this batch has committed (WriteAsync's finally): never beside it.
            if (candidates is not [var purchase] || !request.Purchase.Names(purchase) || purchase.Status != PurchaseStatus.Pending
                || !purchasesTaken.Add(purchase.Id) || (request.Receipt is { } receipt && !receiptsTaken.Add((purchase.OrganizationId, receipt)))
                || purchase.Settle(request.AmountKes, request.Currency, request.Receipt, now) != SettlementOutcome.Settled)
                continue;
            var voucher = Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), now);
            purchase.AttachVoucher(voucher.Id);
            waiting.Callback.MarkSettled(purchase.Id);
            rows.Add((waiting, new StoreAndSettleStatement.Row(db.Entry(purchase), voucher, waiting.Callback)));
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
            logger.LogWarning(e, "{Count} purchases paid, but their change notifications were not sent", paid.Count);
        }
    }

    /// <summary>Every purchase the batch's callbacks name, and any their receipts already paid, in one read.</summary>
    private static Task<List<Purchase>> ReadPurchasesAsync(HotspotDbContext db, List<Waiting> batch)
    {
        var organizations = batch.Select(w => w.Request.OrganizationId).Distinct().ToArray();
        var ids = batch.Select(w => w.Request.Purchase.PurchaseId).OfType<Guid>().Distinct().ToArray();
        var requestIds = batch.Select(w => w.Request.Purchase.ProviderRequestId).OfType<string>().Distinct().ToArray();
        var receipts = batch.Select(w => w.Request.Receipt).OfType<string>().Distinct().ToArray();
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
            logger.LogInformation("A batch of {Count} paying callbacks met a row already stored; each is stored on its own", rows.Count);
            return [];
        }
        catch (DbException e) when (DatabaseErrors.IsDeadlock(e))
        {
            // Another writer (the reconciler, another instance) held a row this batch needed while waiting for one of its
            // rows; PostgreSQL rolled this statement back, and each callback goes on its own.
            logger.LogInformation("A batch of {Count} paying callbacks was chosen as a deadlock victim; each is stored on its own", rows.Count);
            return [];
        }
    }
}
