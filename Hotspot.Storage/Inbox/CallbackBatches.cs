using System.Data.Common;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Hotspot.Storage.Inbox;

/// <summary>
/// Provider deliveries that arrive together are written together on PostgreSQL (<see cref="WriteBatches{TItem,TResult}"/>),
/// in one transaction and one commit. Paying callbacks for pending purchases are settled: one read finds all their
/// purchases, the domain settles each in memory, and <see cref="StoreAndSettleStatement"/> pays them, issues their
/// vouchers and stores the callbacks. Everything else is stored by <see cref="StoreDeliveriesStatement"/>: forgeries,
/// failures, notifications, and the paying callbacks the batch passes over (a re-delivery of a paid one, a second
/// payment), which the caller then applies. A delivery is answered only after the commit that holds it, so a provider
/// never gets its answer for a delivery that is not durably stored.
/// </summary>
/// <remarks>
/// Hostile and repeated deliveries thus share the commit of the payments beside them instead of waiting for one of
/// their own. Anything a batch does not write (SQLite, a statement refused by a unique index, a deadlock victim, a
/// batch that failed) gets null back, only once the batch is over, and its caller writes it on its own: nothing is
/// lost, and the purchase's PENDING guard and the unique indexes keep every payment to exactly once.
/// </remarks>
public sealed class CallbackBatches : IAsyncDisposable
{
    /// <summary>Each column travels as one array, so any batch size is one statement of each kind.</summary>
    public const int MaxBatch = 64;

    private readonly IDbContextFactory<HotspotDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly ILogger<CallbackBatches> _logger;
    private readonly WriteBatches<Arriving, Written?> _batches;
    private bool? _postgreSql;

    /// <summary>
    /// What a batch did with a delivery: <paramref name="Settlement"/> when it paid the purchase; otherwise the delivery
    /// is stored, and <paramref name="ToApply"/> is the row the caller must still apply (the new one, or for an exact
    /// re-delivery its stored twin if that was never decided), or null when there is nothing to do.
    /// </summary>
    public sealed record Written(SettlementResult? Settlement, StoredCallbackReference? ToApply);

    /// <summary>A delivery waiting for its batch, and the settlement it asks for if it pays.</summary>
    private sealed record Arriving(StoredCallback Callback, SettlementRequest? Paying);

    /// <summary>A paying delivery the domain settled in memory, and the statement row that writes it.</summary>
    private sealed record Settling(WriteBatches<Arriving, Written?>.Waiting Waiting, StoreAndSettleStatement.Row Row);

    public CallbackBatches(IDbContextFactory<HotspotDbContext> contexts, TimeProvider time, ILogger<CallbackBatches> logger)
    {
        _contexts = contexts;
        _time = time;
        _logger = logger;
        // Two writers: one gathers while the other waits for its commit. Three measured slower (docs/benchmarks.md).
        _batches = new WriteBatches<Arriving, Written?>(MaxBatch, writers: 2, WriteAsync,
            (e, count) => logger.LogWarning(e, "A batch of {Count} callbacks was not written together; each is written on its own", count),
            unwritten: null);
    }

    /// <summary>Pays a pending purchase, issues its voucher and stores the callback; or, if it cannot, stores the callback.</summary>
    /// <param name="callback">Not stored yet, undecided.</param>
    /// <returns>What the batch did; null when it wrote nothing, and the caller must store and apply the callback itself.</returns>
    public async Task<Written?> SettleAsync(SettlementRequest request, StoredCallback callback, CancellationToken cancellationToken) =>
        await IsPostgreSqlAsync(cancellationToken) ? await _batches.WriteAsync(new Arriving(callback, request), cancellationToken) : null;

    /// <summary>Stores a delivery once.</summary>
    /// <returns>What the batch did; null when it wrote nothing, and the caller must store the delivery itself.</returns>
    public async Task<Written?> StoreAsync(StoredCallback callback, CancellationToken cancellationToken) =>
        await IsPostgreSqlAsync(cancellationToken) ? await _batches.WriteAsync(new Arriving(callback, null), cancellationToken) : null;

    public ValueTask DisposeAsync() => _batches.DisposeAsync();

    private async ValueTask<bool> IsPostgreSqlAsync(CancellationToken cancellationToken)
    {
        if (_postgreSql is { } known)
            return known;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return (_postgreSql = db.Database.IsNpgsql()).Value;
    }

    private async Task WriteAsync(IReadOnlyList<WriteBatches<Arriving, Written?>.Waiting> batch)
    {
        await using var db = await _contexts.CreateDbContextAsync();
        var settling = await SettleInMemoryAsync(db, batch);
        var taken = settling.Select(s => s.Waiting).ToHashSet();
        var storing = batch.Where(w => !taken.Contains(w)).ToList();
        var settleGroups = settling.GroupBy(s => StoreAndSettleStatement.Shape(s.Row)).Select(g => g.ToList()).ToList();
        var storeGroups = storing.GroupBy(w => w.Item.Callback.GetType()).Select(g => g.Select(w => w.Item.Callback).ToList()).ToList();

        var paid = new HashSet<Guid>();
        var stored = new HashSet<Guid>();
        // One statement commits on its own; more share one transaction, so one commit.
        await using (var transaction = settleGroups.Count + storeGroups.Count > 1 ? await db.Database.BeginTransactionAsync() : null)
        {
            try
            {
                foreach (var group in settleGroups)
                    paid.UnionWith(await StoreAndSettleStatement.ExecuteAsync(db, group.Select(s => s.Row).ToList(), CancellationToken.None));
                foreach (var group in storeGroups)
                    stored.UnionWith(await StoreDeliveriesStatement.ExecuteAsync(db, group, CancellationToken.None));
                if (transaction is not null)
                    await transaction.CommitAsync();
            }
            catch (DbException e) when (DatabaseErrors.IsUniqueViolation(e))
            {
                // A paying callback's twin stored earlier, a voucher code or a receipt written first: nothing of the batch
                // was written, and each delivery goes on its own.
                _logger.LogInformation("A batch of {Count} callbacks met a row already stored; each is written on its own", batch.Count);
                return;
            }
            catch (DbException e) when (DatabaseErrors.IsDeadlock(e))
            {
                // Another writer (the reconciler, another batch or instance) held a row this batch needed while waiting for
                // one of its rows; PostgreSQL rolled this batch back, and each delivery goes on its own.
                _logger.LogInformation("A batch of {Count} callbacks was chosen as a deadlock victim; each is written on its own", batch.Count);
                return;
            }
        }

        // What the commit holds is answered before anything else can fail: none of it may be written a second time. A
        // settled callback whose purchase was no longer pending when the statement ran stays unanswered, and goes on its own.
        var settled = settling.Where(s => paid.Contains(s.Row.Purchase.Entity.Id)).ToList();
        foreach (var (waiting, row) in settled)
            waiting.Answer(new Written(new SettlementResult(SettlementOutcome.Settled, row.Voucher.Id, row.Voucher.Code, null,
                row.Purchase.Entity.Id, row.Purchase.Entity.PaymentMethod), null));
        foreach (var waiting in storing.Where(w => stored.Contains(w.Item.Callback.Id)))
            waiting.Answer(new Written(null, DeliveryInbox.Stored(waiting.Item.Callback)));

        var again = storing.Where(w => !stored.Contains(w.Item.Callback.Id)).ToList();
        if (again.Count > 0)
        {
            var twins = await DeliveryInbox.UndecidedTwinsAsync(db, again.Select(w => w.Item.Callback).ToList(), CancellationToken.None);
            foreach (var waiting in again)
                waiting.Answer(new Written(null, twins.GetValueOrDefault(waiting.Item.Callback.Id)));
        }

        try
        {
            if (settled.Count > 0)
                await StoreAndSettleStatement.NotifyAsync(db, settled.Select(s => s.Row), CancellationToken.None);
            await StoreDeliveriesStatement.NotifyAsync(db, storing.Select(w => w.Item.Callback).Where(c => stored.Contains(c.Id)), CancellationToken.None);
        }
        catch (DbException e)
        {
            // Written and committed; only live subscribers miss these changes, as when their listener is away.
            _logger.LogWarning(e, "A batch of {Count} callbacks was written, but its change notifications were not sent", batch.Count);
        }
    }

    /// <summary>
    /// The paying callbacks of the batch that settle their purchases, settled in memory by the domain; the rest of the
    /// batch is stored, and its callers apply what they must.
    /// </summary>
    private async Task<List<Settling>> SettleInMemoryAsync(HotspotDbContext db, IReadOnlyList<WriteBatches<Arriving, Written?>.Waiting> batch)
    {
        var requests = batch.Select(w => w.Item.Paying).OfType<SettlementRequest>().ToList();
        if (requests.Count == 0)
            return [];
        var now = _time.GetUtcNow().UtcDateTime;
        var purchases = await ReadPurchasesAsync(db, requests);
        var settling = new List<Settling>();
        var purchasesTaken = new HashSet<Guid>();
        var receiptsTaken = new HashSet<(Guid, string)>();
        foreach (var waiting in batch)
        {
            if (waiting.Item is not { Paying: { } request, Callback: var callback })
                continue;
            var candidates = purchases.Where(p => request.Purchase.NamesOrHoldsReceipt(p, request.Receipt)).ToList();
            // One purchase, pending, whose receipt paid nothing else, and neither taken by another callback of this batch
            // (a twin delivery, or one receipt twice). Anything else is stored beside the payments, and its caller
            // applies it once this batch is over: never beside it.
            if (candidates is not [var purchase] || !request.Purchase.Names(purchase) || purchase.Status != PurchaseStatus.Pending
                || !purchasesTaken.Add(purchase.Id) || (request.Receipt is { } receipt && !receiptsTaken.Add((purchase.OrganizationId, receipt)))
                || purchase.Settle(request.AmountKes, request.Currency, request.Receipt, now) != SettlementOutcome.Settled)
                continue;
            var voucher = Voucher.IssueForPurchase(purchase, VoucherCodeGenerator.ForPurchase(), now);
            purchase.AttachVoucher(voucher.Id);
            callback.MarkSettled(purchase.Id);
            settling.Add(new Settling(waiting, new StoreAndSettleStatement.Row(db.Entry(purchase), voucher, callback)));
        }
        return settling;
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
}
