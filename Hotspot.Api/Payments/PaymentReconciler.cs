using Hotspot.Api.Health;
using Hotspot.Api.Observability;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Domain.Purchases;
using Hotspot.Providers.KopoKopo;
using Hotspot.Storage;
using Hotspot.Storage.Leases;
using Hotspot.Storage.Payments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Payments;

/// <summary>
/// Callbacks get lost and Daraja does not retry them, so purchases still PENDING after
/// <see cref="PaymentOptions.ReconcileAfter"/> are queried at the provider and settled or failed; those with no
/// outcome after <see cref="PaymentOptions.ExpireAfter"/> are expired. One instance at a time holds the
/// database lease; all state is in the database, so a restarted or replacing instance simply carries on.
/// </summary>
public sealed class PaymentReconciler(
    IDbContextFactory<HotspotDbContext> contexts,
    DatabaseLease lease,
    Lazy<GatewaySelector> gateways,
    PaymentOutcomes outcomes,
    HotspotMetrics metrics,
    IOptions<PaymentOptions> options,
    IOptions<KopoKopoOptions> kopoKopoOptions,
    TimeProvider time,
    ILogger<PaymentReconciler> logger) : BackgroundService
{
    public const string LeaseName = "payment-reconciler";

    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.ReconcilerEnabled)
            return;
        await Task.Yield(); // never hold up start-up
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await lease.TryAcquireAsync(LeaseName, _holder, settings.ReconcilerLease, stoppingToken))
                    await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (DatabaseUnavailableErrors.IsDatabaseUnavailable(e))
            {
                // An outage is not a defect: the next round tries again, and recovers what was refused meanwhile.
                logger.LogWarning("Payment reconciliation round skipped: the database is unreachable ({Cause})", DatabaseUnavailableErrors.Describe(e));
            }
            catch (Exception e)
            {
                // Anything else must not stop the worker either, but it is a defect to fix.
                logger.LogError(e, "Payment reconciliation round failed");
            }

            try
            {
                await Task.Delay(settings.ReconcilerInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        try
        {
            await lease.ReleaseAsync(LeaseName, _holder, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not release the reconciler lease; it expires by itself");
        }
    }

    /// <summary>One round: returns how many purchases it looked at.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var dueBefore = now - settings.ReconcileAfter;
        var recheckBefore = now - settings.RecheckEvery;
        List<Purchase> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Purchases.AsNoTracking()
                .Where(p => p.Status == PurchaseStatus.Pending && p.CreatedAt <= dueBefore
                    && (p.LastCheckedAt == null || p.LastCheckedAt <= recheckBefore))
                .OrderBy(p => p.CreatedAt)
                .Take(settings.ReconcilerBatchSize)
                .ToListAsync(cancellationToken);
        }

        metrics.ReconcilerPending(due.Count);
        foreach (var purchase in due)
            await ReconcileAsync(purchase, now, cancellationToken);
        return due.Count;
    }

    private async Task ReconcileAsync(Purchase purchase, DateTime now, CancellationToken cancellationToken)
    {
        var expired = purchase.CreatedAt <= now - options.Value.ExpireAfter;
        var status = await QueryAsync(purchase, cancellationToken);
        if (status is { State: not PaymentState.Pending })
        {
            // The query confirms this very request, whose amount we set; Daraja's query gives no amount.
            await outcomes.ApplyAsync(PurchaseKey.ById(purchase.OrganizationId, purchase.Id), status, status.AmountShillings ?? purchase.AmountKes, null, cancellationToken);
            logger.LogInformation("Reconciler: purchase {PurchaseId} of organization {OrganizationId} is {State} at the provider",
                purchase.Id, purchase.OrganizationId, status.State);
            return;
        }

        if (expired)
        {
            await outcomes.ExpiredAsync(purchase.OrganizationId, purchase.Id, cancellationToken);
            return;
        }

        await RecordCheckAsync(purchase, cancellationToken);
    }

    /// <summary>The provider's view, or null when it cannot be asked (no request id, not configured, unreachable).</summary>
    private async Task<PaymentStatus?> QueryAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        if (purchase.ProviderRequestId is null)
            return null; // the request's answer was lost: nothing to ask about, the purchase waits to expire
        Organization? organization;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == purchase.OrganizationId, cancellationToken);
        var gateway = organization is null ? null : gateways.Value.For(organization, purchase.PaymentMethod);
        if (gateway is null)
            return null;

        var result = await gateway.Gateway.QueryPaymentAsync(gateway.Credentials, ReferenceOf(purchase, gateway), cancellationToken);
        if (result.IsSuccess)
            return result.Value;
        logger.LogWarning("Reconciler: query of purchase {PurchaseId} failed ({Kind} {Code})", purchase.Id, result.Error!.Kind, result.Error.Code);
        return null;
    }

    private PaymentReference ReferenceOf(Purchase purchase, OrganizationGateway gateway)
    {
        if (gateway.Method != PaymentMethodType.KopoKopo)
            return new PaymentReference(purchase.ProviderRequestId!);
        // Kopo Kopo is asked at the payment's Location, which is built from its id.
        var settings = kopoKopoOptions.Value;
        var baseUrl = gateway.Credentials.Environment == Domain.Payments.PaymentEnvironment.Production ? settings.ProductionBaseUrl : settings.SandboxBaseUrl;
        return new PaymentReference(purchase.ProviderRequestId!, null,
            new Uri($"{baseUrl.TrimEnd('/')}/api/{settings.ApiVersion}/incoming_payments/{purchase.ProviderRequestId}"));
    }

    private async Task RecordCheckAsync(Purchase purchase, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var tracked = await db.Purchases.SingleOrDefaultAsync(p => p.Id == purchase.Id && p.OrganizationId == purchase.OrganizationId, cancellationToken);
            if (tracked is null || tracked.IsFinal)
                return;
            tracked.RecordCheck(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // An outcome arrived meanwhile.
        }
    }
}
