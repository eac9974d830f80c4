using Hotspot.Domain.Organizations;
using Hotspot.Domain.Transactions;
using Hotspot.GraphQL.Binding;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// <c>Organization.paymentsInReview</c>: both providers' NEEDS_REVIEW rows as one connection. The database filters,
/// orders and pages the UNION ALL of the two tables' <see cref="PaymentRow"/> projections, so keyset cursors work as
/// on the other connections; the page's rows are then read from their tables (two queries by id).
/// </summary>
public static class PaymentsInReviewQuery
{
    public static readonly QueryFilter<PaymentRow> Filter = new(new Dictionary<string, FilterField>
    {
        ["provider"] = FilterField.Of<PaymentRow, PaymentMethodType>(p => p.Provider, FilterKind.Enum, GraphQLEnums.Parser<PaymentMethodType>()),
        ["receipt"] = FilterField.Of<PaymentRow, string?>(p => p.Receipt, FilterKind.String),
        ["phoneNumber"] = FilterField.Of<PaymentRow, string?>(p => p.PhoneNumber, FilterKind.String),
        ["amountKes"] = FilterField.Of<PaymentRow, long?>(p => p.AmountKes, FilterKind.Long),
        ["currency"] = FilterField.Of<PaymentRow, string?>(p => p.Currency, FilterKind.String),
        ["receivedAt"] = FilterField.Of<PaymentRow, DateTime>(p => p.ReceivedAt, FilterKind.DateTime),
    }, p => p.Id, defaultOrder: "receivedAt", defaultDescending: true);

    public static async Task<object> ResolveAsync(Organization organization, ResolverContext ctx)
    {
        await Resolve.User(ctx).RequireReadAsync(organization.Id, ctx.CancellationToken);
        await using var db = await Resolve.DatabaseAsync(ctx);
        var organizationId = organization.Id;
        var mpesa = db.MpesaTransactions.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.Status == CallbackStatus.NeedsReview)
            .Select(t => new PaymentRow
            {
                Id = t.Id, Provider = PaymentMethodType.Mpesa, AmountKes = t.AmountKes, Currency = "KES", Receipt = t.ReceiptNumber,
                PhoneNumber = t.PhoneNumber, ReceivedAt = t.ReceivedAt,
            });
        var kopoKopo = db.KopoKopoTransactions.AsNoTracking()
            .Where(t => t.OrganizationId == organizationId && t.Status == CallbackStatus.NeedsReview)
            .Select(t => new PaymentRow
            {
                Id = t.Id, Provider = PaymentMethodType.KopoKopo, AmountKes = t.AmountKes, Currency = t.Currency, Receipt = t.Reference,
                PhoneNumber = t.PhoneNumber, ReceivedAt = t.ReceivedAt,
            });
        var rows = Filter.Where(mpesa.Concat(kopoKopo), ctx.ArgumentOrDefault<object?>("where", null));
        var page = await ConnectionPager.PageAsync(Filter.Order(rows, ctx.ArgumentOrDefault<object?>("order", null)), ctx);

        var mpesaIds = page.Nodes.Where(r => r.Provider == PaymentMethodType.Mpesa).Select(r => r.Id).ToList();
        var kopoKopoIds = page.Nodes.Where(r => r.Provider == PaymentMethodType.KopoKopo).Select(r => r.Id).ToList();
        var loaded = new Dictionary<Guid, StoredCallback>();
        if (mpesaIds.Count > 0)
            foreach (var t in await db.MpesaTransactions.AsNoTracking().Where(t => mpesaIds.Contains(t.Id)).ToListAsync(ctx.CancellationToken))
                loaded[t.Id] = t;
        if (kopoKopoIds.Count > 0)
            foreach (var t in await db.KopoKopoTransactions.AsNoTracking().Where(t => kopoKopoIds.Contains(t.Id)).ToListAsync(ctx.CancellationToken))
                loaded[t.Id] = t;
        // A row decided between the two reads still shows, as it now stands.
        var edges = page.Edges.Where(e => loaded.ContainsKey(e.Node.Id)).Select(e => new Edge<StoredCallback>(e.Cursor, loaded[e.Node.Id])).ToList();
        return new Connection<StoredCallback>(page.PageInfo, edges, edges.Select(e => e.Node).ToList(), page.TotalCount);
    }
}
