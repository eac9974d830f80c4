using System.Runtime.CompilerServices;
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
/// The fields of <c>Subscription</c>. Subscribing checks the organization like a query does (another
/// organization's id is NOT_FOUND) and joins the <see cref="ChangeEventBus"/>; each change then becomes the field's
/// value: its row is read once per instance after the commit, and every subscriber's user is checked again before
/// it sees the row.
/// </summary>
public static class SubscriptionFields
{
    public static ExecutableSchemaBuilder BindSubscriptions(this ExecutableSchemaBuilder schema) => schema
        .Subscribe("Subscription", "paymentReceived", ctx => SubscribeAsync(ctx, ChangeNotification.PaymentKind, rowId: null))
        .Subscribe("Subscription", "purchaseUpdated", ctx => SubscribeAsync(ctx, ChangeNotification.PurchaseKind,
            ctx.ArgumentOrDefault<string?>("purchaseId") is { } id ? GraphQLErrors.ParseId(id, "Purchase") : null))
        .Subscribe("Subscription", "routerSessionChanged", ctx => SubscribeAsync(ctx, ChangeNotification.SessionKind, rowId: null))
        .ResolveAsync<ChangeEvent, StoredCallback>("Subscription", "paymentReceived", PaymentAsync)
        .ResolveAsync<ChangeEvent, Purchase>("Subscription", "purchaseUpdated", PurchaseAsync)
        .ResolveAsync<ChangeEvent, RouterSessionEvent>("Subscription", "routerSessionChanged", SessionAsync)
        .PropertyBacked<RouterSessionEvent>("RouterSessionEvent");

    private static async Task<IAsyncEnumerable<ChangeEvent>> SubscribeAsync(ResolverContext ctx, string kind, Guid? rowId)
    {
        var organizationId = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
        await Resolve.User(ctx).RequireReadAsync(organizationId, ctx.CancellationToken);
        await using (var db = await Resolve.DatabaseAsync(ctx))
        {
            if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ctx.CancellationToken))
                throw Auth.AccessDenied.NotFound("Organization");
        }
        // Joined now, before the first event is asked for, so nothing committed after the subscription is missed.
        var subscription = ctx.Service<ChangeEventBus>().Subscribe(kind, organizationId);
        return Changes(subscription, rowId, CancellationToken.None);
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

    private static async Task<StoredCallback> PaymentAsync(ChangeEvent change, ResolverContext ctx)
    {
        await Resolve.User(ctx).RequireReadAsync(change.OrganizationId, ctx.CancellationToken);
        var contexts = ctx.Service<IDbContextFactory<HotspotDbContext>>();
        var payment = await change.ReadOnceAsync<StoredCallback>(async cancellationToken =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return (StoredCallback?)await db.MpesaTransactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == change.RowId, cancellationToken)
                ?? await db.KopoKopoTransactions.AsNoTracking().FirstOrDefaultAsync(t => t.Id == change.RowId, cancellationToken);
        });
        return payment?.OrganizationId == change.OrganizationId ? payment : throw Auth.AccessDenied.NotFound("Payment");
    }

    private static async Task<Purchase> PurchaseAsync(ChangeEvent change, ResolverContext ctx)
    {
        await Resolve.User(ctx).RequireReadAsync(change.OrganizationId, ctx.CancellationToken);
        var contexts = ctx.Service<IDbContextFactory<HotspotDbContext>>();
        var purchase = await change.ReadOnceAsync<Purchase>(async cancellationToken =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.Purchases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == change.RowId, cancellationToken);
        });
        return purchase?.OrganizationId == change.OrganizationId ? purchase : throw Auth.AccessDenied.NotFound("Purchase");
    }

    private static async Task<RouterSessionEvent> SessionAsync(ChangeEvent change, ResolverContext ctx)
    {
        await Resolve.User(ctx).RequireReadAsync(change.OrganizationId, ctx.CancellationToken);
        var contexts = ctx.Service<IDbContextFactory<HotspotDbContext>>();
        var session = await change.ReadOnceAsync<RadiusSession>(async cancellationToken =>
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            return await db.RadiusSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == change.RowId, cancellationToken);
        });
        if (session?.OrganizationId != change.OrganizationId) throw Auth.AccessDenied.NotFound("Session");
        return new RouterSessionEvent(session.IsOpen ? RouterSessionChange.Started : RouterSessionChange.Stopped, session);
    }
}
