using Hotspot.Api.Auth;
using Hotspot.Api.Payments;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// Moving money and deciding about payments: refunds (Daraja B2C), payouts (Kopo Kopo PAY), and decisions about payments
/// kept for review (see <see cref="PaymentResolutions"/>: viewers get FORBIDDEN, another organization's ids NOT_FOUND,
/// a payment already decided CONFLICT).
/// </summary>
[ExtendObjectType("Mutation")]
[DomainErrors]
public static class PaymentMutations
{
    public static async Task<PaymentAdministration.Payout> RefundPurchaseAsync(string purchaseId, RefundPurchaseInput? input,
        CurrentUser currentUser, HotspotDbContext db, PaymentAdministration payments, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(purchaseId, "Purchase");
        var purchase = await db.Purchases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) ?? throw AccessDenied.NotFound("Purchase");
        await currentUser.RequireChangeOfAsync(purchase.OrganizationId, "Purchase", cancellationToken);
        return await payments.RefundAsync(purchase, input?.AmountKes, input?.Reason, cancellationToken);
    }

    public static async Task<PaymentAdministration.Payout> SendMoneyAsync(string organizationId, SendMoneyInput input,
        CurrentUser currentUser, PaymentAdministration payments, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(organizationId, "Organization");
        await currentUser.RequireChangeAsync(id, cancellationToken);
        return await payments.SendMoneyAsync(id, input.PhoneNumber, input.AmountKes, input.Reason, cancellationToken);
    }

    public static async Task<PaymentResolutions.Outcome> ResolvePaymentAsync(string organizationId, string paymentId,
        ResolvePaymentInput input, CurrentUser currentUser, HotspotDbContext db, PaymentResolutions resolutions,
        CancellationToken cancellationToken)
    {
        var orgId = GraphQLErrors.ParseId(organizationId, "Organization");
        var user = await currentUser.RequireChangeAsync(orgId, cancellationToken);
        var id = GraphQLErrors.ParseId(paymentId, "Payment");
        var planId = input.PlanId is null ? (Guid?)null : GraphQLErrors.ParseId(input.PlanId, "Plan");
        if (!await db.Organizations.AnyAsync(o => o.Id == orgId, cancellationToken)) throw AccessDenied.NotFound("Organization");
        return await resolutions.ResolveAsync(orgId, id, input.Action, planId, input.Note, user.Email, cancellationToken);
    }
}

public sealed record ResolvePaymentInput(Hotspot.Domain.Transactions.PaymentResolutionAction Action, string? PlanId, string? Note);
