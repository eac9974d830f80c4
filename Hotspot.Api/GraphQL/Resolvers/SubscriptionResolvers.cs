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
    public static Task<StoredCallback> PaymentReceivedAsync([Parent] ChangeEvent change, CurrentUser user,
        IDbContextFactory<HotspotDbContext> contexts, CancellationToken cancellationToken) =>
        VisibleRowAsync(change, user, contexts, "Payment", p => p.OrganizationId, async (db, id, readCancellation) =>
            (StoredCallback?)await db.MpesaTransactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, readCancellation)
            ?? await db.KopoKopoTransactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, readCancellation),
            cancellationToken);

    [Subscribe(With = nameof(PurchaseStreamAsync))]
    public static Task<Purchase> PurchaseUpdatedAsync([Parent] ChangeEvent change, CurrentUser user,
        IDbContextFactory<HotspotDbContext> contexts, CancellationToken cancellationToken) =>
        VisibleRowAsync(change, user, contexts, "Purchase", p => p.OrganizationId, (db, id, readCancellation) =>
            db.Purchases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, readCancellation), cancellationToken);

    [Subscribe(With = nameof(SessionStreamAsync))]
    public static async Task<RouterSessionEvent> RouterSessionChangedAsync([Parent] ChangeEvent change, CurrentUser user,
        IDbContextFactory<HotspotDbContext> contexts, CancellationToken cancellationToken)
    {
        var session = await VisibleRowAsync(change, user, contexts, "Session", s => s.OrganizationId, (db, id, readCancellation) =>
            db.RadiusSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, readCancellation), cancellationToken);
        return new RouterSessionEvent(session.IsOpen ? RouterSessionChange.Started : RouterSessionChange.Stopped, session);
    }

    /// <summary>
    /// The changed row, once this subscriber's user may still read the organization; a row that is gone or belongs
    /// to another organization is NOT_FOUND. The read itself is shared by every subscriber of this instance.
    /// </summary>
    private static async Task<T> VisibleRowAsync<T>(ChangeEvent change, CurrentUser user, IDbContextFactory<HotspotDbContext> contexts,
        string typeName, Func<T, Guid> organizationOf, Func<HotspotDbContext, Guid, CancellationToken, Task<T?>> find,
        CancellationToken cancellationToken) where T : class
    {
        await user.RequireReadAsync(change.OrganizationId, cancellationToken);
        var row = await change.ReadOnceAsync<T>(async readCancellation =>
        {
            await using var db = await contexts.CreateDbContextAsync(readCancellation);
            return await find(db, change.RowId, readCancellation);
        });
        return row is not null && organizationOf(row) == change.OrganizationId ? row : throw AccessDenied.NotFound(typeName);
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
