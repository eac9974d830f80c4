using Hotspot.Api.Auth;
using Hotspot.Api.GraphQL;
using Hotspot.Domain;
using Hotspot.GraphQL.Execution;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Apis;

/// <summary>
/// Admin-only Kopo Kopo routes, behind the same bearer tokens as <c>/graphql</c>: send money (PAY) and list an
/// organization's Kopo Kopo transactions (newest first, at most 100).
/// </summary>
public static class KopoKopoAdminApi
{
    public static IEndpointRouteBuilder MapKopoKopoAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/payments/kopokopo");
        group.MapPost("/pay", PayAsync)
            .Accepts<PayRequest>("application/json");
        group.MapGet("/transactions/{organizationId:guid}", TransactionsAsync);
        return app;
    }

    // The body is read by hand, not bound: a malformed one is an expected 400 with a problem body, not an exception.
    private static async Task<IResult> PayAsync(HttpContext context, CurrentUser user, PaymentAdministration payments, CancellationToken cancellationToken)
    {
        return await GuardedAsync(async () =>
        {
            await user.RequireAsync(cancellationToken); // strangers learn nothing, not even what a body should look like
            var (json, malformed) = await RequestBodies.ReadObjectAsync(context);
            if (malformed is not null)
                return malformed;
            var (request, errors) = PayRequest.Read(json!.Value);
            if (request is null)
                return RequestBodies.BadRequest("Some fields are missing or invalid.", errors);
            await user.RequireChangeAsync(request.OrganizationId, cancellationToken);
            var payout = await payments.SendMoneyAsync(request.OrganizationId, request.PhoneNumber, request.AmountKes, request.Reason, cancellationToken);
            return payout.Success
                ? TypedResults.Accepted((string?)null, new { success = true, providerRequestId = payout.ProviderRequestId, message = payout.Message })
                : TypedResults.Json(new { success = false, message = payout.Message }, statusCode: StatusCodes.Status502BadGateway);
        });
    }

    private static async Task<IResult> TransactionsAsync(Guid organizationId, CurrentUser user, IDbContextFactory<HotspotDbContext> databases,
        CancellationToken cancellationToken) =>
        await GuardedAsync(async () =>
        {
            await user.RequireChangeAsync(organizationId, cancellationToken);
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var transactions = await db.KopoKopoTransactions.AsNoTracking()
                .Where(t => t.OrganizationId == organizationId)
                .OrderByDescending(t => t.ReceivedAt).ThenBy(t => t.Id)
                .Take(100)
                .Select(t => new
                {
                    t.Id, t.Type, t.EventId, t.Reference, t.PaymentRequestId, t.ProviderStatus, t.AmountKes, t.Currency,
                    t.PhoneNumber, t.TillNumber, t.OccurredAt, t.PurchaseId, t.Status, t.ReviewReason, t.ReceivedAt,
                })
                .ToListAsync(cancellationToken);
            return TypedResults.Ok(transactions.Select(t => new
            {
                t.Id, type = GraphQLEnums.Name(t.Type), t.EventId, t.Reference, t.PaymentRequestId, t.ProviderStatus, t.AmountKes,
                t.Currency, t.PhoneNumber, t.TillNumber, t.OccurredAt, t.PurchaseId, status = t.Status.ToString(), t.ReviewReason, t.ReceivedAt,
            }));
        });

    private static async Task<IResult> GuardedAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (GraphQLException ex)
        {
            var status = ex.Code switch
            {
                AccessDenied.UnauthenticatedCode => StatusCodes.Status401Unauthorized,
                AccessDenied.ForbiddenCode => StatusCodes.Status403Forbidden,
                AccessDenied.NotFoundCode => StatusCodes.Status404NotFound,
                _ => StatusCodes.Status400BadRequest,
            };
            return TypedResults.Json(new { error = ex.Message, code = ex.Code }, statusCode: status);
        }
        catch (DomainException ex)
        {
            var status = ex.Code == AccessDenied.NotFoundCode ? StatusCodes.Status404NotFound
                : ex.Code == DomainErrorCodes.PaymentMethodNotConfigured ? StatusCodes.Status409Conflict
                : StatusCodes.Status400BadRequest;
            return TypedResults.Json(new { error = ex.Message, code = ex.Code }, statusCode: status);
        }
    }
}
