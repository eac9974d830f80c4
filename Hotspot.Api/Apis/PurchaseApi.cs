using Hotspot.Api.Payments;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Apis;

/// <summary>The captive portal's purchase routes: start a purchase, then poll it until it has a voucher.</summary>
public static class PurchaseApi
{
    public static RouteGroupBuilder MapPurchaseApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/hotspot").WithTags("Captive portal");
        group.MapPost("/purchase-voucher", StartWithActiveMethodAsync)
            .RequireRateLimiting(BillingRateLimits.PurchaseCreation)
            .WithName("PurchaseVoucher")
            .WithSummary("Starts an M-Pesa payment for a plan with the organization's active payment method.")
            .Accepts<PurchaseVoucherBody>("application/json")
            .Produces<PurchaseStartedResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(429).ProducesProblem(502);
        group.MapPost("/purchase-voucher-kopokopo", StartWithKopoKopoAsync)
            .RequireRateLimiting(BillingRateLimits.PurchaseCreation)
            .WithName("PurchaseVoucherKopoKopo")
            .WithSummary("The same, through Kopo Kopo; 409 unless Kopo Kopo is the active payment method.")
            .Accepts<PurchaseVoucherBody>("application/json")
            .Produces<PurchaseStartedResponse>(StatusCodes.Status202Accepted)
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(429).ProducesProblem(502);
        group.MapGet("/purchases/{purchaseId:guid}", GetAsync)
            .RequireRateLimiting(BillingRateLimits.PurchasePoll)
            .WithMetadata(new BillingRateLimits.PollAddressBound())
            .WithName("GetPurchase")
            .WithSummary("Where a purchase stands, with its voucher once paid.")
            .Produces<PurchaseResponse>()
            .ProducesProblem(404);
        return group;
    }

    private static Task<IResult> StartWithActiveMethodAsync(HttpContext context, PurchaseStarter starter, PhonePromptLimiter phones) =>
        StartAsync(context, starter, phones, requiredMethod: null);

    private static Task<IResult> StartWithKopoKopoAsync(HttpContext context, PurchaseStarter starter, PhonePromptLimiter phones) =>
        StartAsync(context, starter, phones, PaymentMethodType.KopoKopo);

    private static async Task<IResult> StartAsync(HttpContext context, PurchaseStarter starter, PhonePromptLimiter phones, PaymentMethodType? requiredMethod)
    {
        var (json, malformed) = await RequestBodies.ReadObjectAsync(context);
        if (malformed is not null)
            return malformed;
        var (request, errors) = PurchaseRequest.Read(json!.Value);
        if (request is null)
            return RequestBodies.BadRequest("Some fields are missing or invalid.", errors);

        if (await phones.TryAcquireAsync(request.PhoneNumber, context.RequestAborted) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblem.Of(StatusCodes.Status429TooManyRequests, "TOO_MANY_PROMPTS", PhonePromptLimiter.Message(retryAfter));
        }
        var (started, problem) = await starter.StartAsync(request.OrganizationId, request.PlanId, request.PhoneNumber, request.MacAddress,
            requiredMethod, context.RequestAborted);
        if (problem is not null)
        {
            if (problem.Status < 500)
                await phones.ReleaseAsync(request.PhoneNumber, CancellationToken.None); // refused before any prompt was sent
            return ApiProblem.Of(problem.Status, problem.Code, problem.Message,
                extra: problem.PurchaseId is { } id ? [new("purchaseId", id)] : null);
        }
        return TypedResults.Json(new PurchaseStartedResponse(started!.PurchaseId, Wire(started.Status), Wire(started.PaymentMethod), started.Message),
            statusCode: StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> GetAsync(Guid purchaseId, IDbContextFactory<HotspotDbContext> contexts, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The unguessable purchase id is the customer's key: it is the only filter.
        var purchase = await db.Purchases.AsNoTracking().SingleOrDefaultAsync(p => p.Id == purchaseId, cancellationToken);
        if (purchase is null)
            return ApiProblem.Of(404, "PURCHASE_NOT_FOUND", "No such purchase.");
        var voucher = purchase.VoucherId is { } voucherId
            ? await db.Vouchers.AsNoTracking().SingleOrDefaultAsync(v => v.Id == voucherId && v.OrganizationId == purchase.OrganizationId, cancellationToken)
            : null;
        return TypedResults.Ok(new PurchaseResponse(purchase.Id, Wire(purchase.Status), voucher?.Code,
            voucher?.ExpiresAt is { } expires ? DateTime.SpecifyKind(expires, DateTimeKind.Utc) : null, purchase.FailureReason));
    }

    public static string Wire(PurchaseStatus status) => status.ToString().ToUpperInvariant();

    public static string Wire(PaymentMethodType method) => method == PaymentMethodType.Mpesa ? "MPESA" : "KOPOKOPO";

    /// <summary>For the OpenAPI document only; the body is read field by field.</summary>
    public sealed record PurchaseVoucherBody(Guid OrganizationId, Guid PlanId, string PhoneNumber, string? MacAddress);

    public sealed record PurchaseStartedResponse(Guid PurchaseId, string Status, string PaymentMethod, string Message);

    public sealed record PurchaseResponse(Guid PurchaseId, string Status, string? VoucherCode, DateTime? ExpiresAt, string? FailureReason);
}
