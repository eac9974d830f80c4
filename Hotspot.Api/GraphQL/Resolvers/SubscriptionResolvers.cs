using System.Runtime.CompilerServices;
using Hotspot.Api.Auth;
using Hotspot.Api.Events;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Transactions;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;
using Hotspot.Storage.Changes;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The fields of <c>Subscription</c>. Subscribing (the <c>*Stream</c> methods) checks the organization like a query
/// does (another organization's id is NOT_FOUND) and joins the <see cref="ChangeEventBus"/>. Each change then runs
/// the field's method: its row is read once per instance after the commit, and every subscriber's user is checked
/// again before it sees the row. Those reads stay out of the stream so that an error fails one event, not the stream.
/// </summary>
[ObjectType("Subscription")]
public static class SubscriptionResolvers
{
    [Subscribe(With = nameof(PaymentStreamAsync))]
    public static async Task<StoredCallback> PaymentReceivedAsync([Parent] ChangeEvent change, CurrentUser user,
        IDbContextFactory<HotspotDbContext> contexts, CancellationToken cancellationToken)
    {
        await user.RequireReadAsync(change.OrganizationId, cancellationToken);
        var payment = await change.ReadOnceAsync<StoredCallback>(async readCancellation =>
        {
            await using var db = await contexts.CreateDbContextAsync(readCancellation);
            return (StoredCallback?)await db.MpesaTransactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == change.RowId, readCancellation)
                ?? await db.KopoKopoTransactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == change.RowId, readCancellation);
        });
        return payment?.OrganizationId == change.OrganizationId ? payment : throw AccessDenied.NotFound("Payment");
    }

    [Subscribe(With = nameof(PurchaseStreamAsync))]
    public static async Task<Purchase> PurchaseUpdatedAsync([Parent] ChangeEvent change, CurrentUser user,
        IDbContextFactory<HotspotDbContext> contexts, CancellationToken cancellationToken)
    {
        await user.RequireReadAsync(change.OrganizationId, cancellationToken);
        var purchase = await change.ReadOnceAsync<Purchase>(async readCancellation =>
        {
            await using var db = await contexts.CreateDbContextAsync(readCancellation);
            return await db.Purchases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == change.RowId, readCancellation);
        });
        return purchase?.OrganizationId == change.OrganizationId ? purchase : throw AccessDenied.NotFound("Purchase");
    }

    [Subscribe(With = nameof(SessionStreamAsync))]
    public static async Task<RouterSessionEvent> RouterSessionChangedAsync([Parent] ChangeEvent change, CurrentUser user,
        IDbContextFactory<HotspotDbContext> contexts, CancellationToken cancellationToken)
    {
        await user.RequireReadAsync(change.OrganizationId, cancellationToken);
        var session = await change.ReadOnceAsync<RadiusSession>(async readCancellation =>
        {
            await using var db = await contexts.CreateDbContextAsync(readCancellation);
            return await db.RadiusSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == change.RowId, readCancellation);
        });
        if (session?.OrganizationId != change.OrganizationId) throw AccessDenied.NotFound("Session");
        return new RouterSessionEvent(session.IsOpen ? RouterSessionChange.Started : RouterSessionChange.Stopped, session);
    }

    private static Task<IAsyncEnumerable<ChangeEvent>> PaymentStreamAsync(string organizationId, CurrentUser user,
        IDbContextFactory<HotspotDbContext> contexts, ChangeEventBus bus, CancellationToken cancellationToken) =>
        SubscribeAsync(ChangeNotification.PaymentKind, organizationId, rowId: null, user, contexts, bus, cancellationToken);

    private static Task<IAsyncEnumerable<ChangeEvent>> PurchaseStreamAsync(string organizationId, string? purchaseId,
        CurrentUser user, IDbContextFactory<HotspotDbContext> contexts, ChangeEventBus bus, CancellationToken cancellationToken) =>
        SubscribeAsync(ChangeNotification.PurchaseKind, organizationId,
            purchaseId is null ? null : GraphQLErrors.ParseId(purchaseId, "Purchase"), user, contexts, bus, cancellationToken);

    private static Task<IAsyncEnumerable<ChangeEvent>> SessionStreamAsync(string organizationId, CurrentUser user,
        IDbContextFactory<HotspotDbContext> contexts, ChangeEventBus bus, CancellationToken cancellationToken) =>
        SubscribeAsync(ChangeNotification.SessionKind, organizationId, rowId: null, user, contexts, bus, cancellationToken);

    private static async Task<IAsyncEnumerable<ChangeEvent>> SubscribeAsync(string kind, string organizationIdText, Guid? rowId,
        CurrentUser user, IDbContextFactory<HotspotDbContext> contexts, ChangeEventBus bus, CancellationToken cancellationToken)
    {
        var organizationId = GraphQLErrors.ParseId(organizationIdText, "Organization");
        await user.RequireReadAsync(organizationId, cancellationToken);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
                throw AccessDenied.NotFound("Organization");
        }
        // Joined now, before the first event is asked for, so nothing committed after the subscription is missed.
        return Changes(bus.Subscribe(kind, organizationId), rowId, CancellationToken.None);
    }

    private static async IAsyncEnumerable<ChangeEvent> Changes(ChangeSubscription subscription, Guid? rowId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (subscription)
        {
            await foreach (var change in subscription.ReadAllAsync(cancellationToken))
            {
                if (rowId is null || change.RowId == rowId) yield return change;
            }
        }
    }
}
