using Hotspot.Api.Auth;
using Hotspot.Api.Payments;
using Hotspot.Domain.Transactions;
using Hotspot.GraphQL.Binding;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// <c>Mutation.resolvePayment</c>: an organization admin decides about a payment kept for review (see
/// <see cref="PaymentResolutions"/>). Viewers get FORBIDDEN; another organization's ids (or a payment of another
/// organization) NOT_FOUND; a payment already decided CONFLICT.
/// </summary>
public static class ResolvePaymentMutation
{
    public static ExecutableSchemaBuilder BindResolvePayment(this ExecutableSchemaBuilder schema) => schema
        .ResolveAsync("Mutation", "resolvePayment", Resolve.Guarded(async ctx =>
        {
            var organizationId = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
            var user = await Resolve.User(ctx).RequireChangeAsync(organizationId, ctx.CancellationToken);
            var paymentId = GraphQLErrors.ParseId(ctx.Argument<string>("paymentId"), "Payment");
            var input = ctx.Argument<ResolvePaymentInput>("input");
            var planId = input.PlanId is null ? (Guid?)null : GraphQLErrors.ParseId(input.PlanId, "Plan");
            await using (var db = await Resolve.DatabaseAsync(ctx))
                if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ctx.CancellationToken)) throw AccessDenied.NotFound("Organization");
            return await ctx.Service<PaymentResolutions>().ResolveAsync(organizationId, paymentId, input.Action, planId, input.Note,
                user.Email, ctx.CancellationToken);
        }))
        .PropertyBacked<PaymentResolutions.Outcome>("ResolvePaymentPayload");
}

public sealed record ResolvePaymentInput(PaymentResolutionAction Action, string? PlanId, string? Note);
