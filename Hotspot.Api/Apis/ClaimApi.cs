using System.Globalization;
using Hotspot.Api.Payments;
using Hotspot.Domain.Phones;

namespace Hotspot.Api.Apis;

/// <summary>
/// <c>POST /api/hotspot/claim</c>, the portal's "I already paid": the M-Pesa receipt and the paying phone give back
/// the voucher the payment bought (see <see cref="PaymentClaims"/>). Every miss gets the same 404, and attempts are
/// limited per client address and per receipt (<see cref="ClaimAttemptLimiter"/>), so receipts and phone digits
/// cannot be guessed.
/// </summary>
public static class ClaimApi
{
    private const string NotFoundDetail =
        "No payment matches this receipt and phone number. Check the M-Pesa message and the number that paid, and try again.";

    public static RouteGroupBuilder MapClaimApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/hotspot").WithTags("Captive portal");
        group.MapPost("/claim", ClaimAsync)
            .WithName("ClaimVoucher")
            .WithSummary("The voucher an M-Pesa payment bought, found by its receipt and the phone that paid.")
            .Accepts<ClaimBody>("application/json")
            .Produces<ClaimResponse>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(429);
        return group;
    }

    private static async Task<IResult> ClaimAsync(HttpContext context, PaymentClaims claims, ClaimAttemptLimiter limiter)
    {
        var (json, malformed) = await RequestBodies.ReadObjectAsync(context);
        if (malformed is not null)
            return malformed;
        var errors = new Dictionary<string, string[]>();
        var organizationId = RequestFields.RequiredGuid(json!.Value, "organizationId", errors);
        var receiptText = RequestFields.RequiredString(json.Value, "receipt", errors);
        var phoneText = RequestFields.RequiredString(json.Value, "phoneNumber", errors);
        var receipt = PaymentClaims.NormalizeReceipt(receiptText);
        if (receiptText is not null && receipt is null)
            errors["receipt"] = ["The receipt is the code at the start of the M-Pesa message, e.g. TKL2ABC123."];
        var phone = default(KenyanPhoneNumber);
        if (phoneText is not null && !KenyanPhoneNumber.TryParse(phoneText, out phone))
            errors["phoneNumber"] = [$"Use {KenyanPhoneNumber.AcceptedFormats}."];
        if (errors.Count > 0)
            return RequestBodies.BadRequest("Some fields are missing or invalid.", errors);

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await limiter.TryAcquireAsync(address, organizationId, receipt!, context.RequestAborted) is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return ApiProblem.Of(StatusCodes.Status429TooManyRequests, "TOO_MANY_CLAIMS", "Too many attempts. Wait a minute and try again.");
        }

        var result = await claims.ClaimAsync(organizationId, receipt!, phone, context.RequestAborted);
        return result.Outcome switch
        {
            ClaimOutcome.Voucher => TypedResults.Ok(new ClaimResponse(result.VoucherCode!,
                result.ExpiresAt is { } expires ? DateTime.SpecifyKind(expires, DateTimeKind.Utc) : null, result.PlanName)),
            ClaimOutcome.CoversNoPlan => ApiProblem.Of(409, "PAYMENT_IN_REVIEW",
                "We found your payment, but it does not cover any plan on sale. The hotspot will refund it or contact you."),
            _ => ApiProblem.Of(404, "PAYMENT_NOT_FOUND", NotFoundDetail),
        };
    }

    /// <summary>For the OpenAPI document only; the body is read field by field.</summary>
    public sealed record ClaimBody(Guid OrganizationId, string Receipt, string PhoneNumber);

    public sealed record ClaimResponse(string VoucherCode, DateTime? ExpiresAt, string? PlanName);
}
