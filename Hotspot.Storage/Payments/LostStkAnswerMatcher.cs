using Hotspot.Domain.Organizations;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Purchases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotspot.Storage.Payments;

/// <summary>
/// A purchase whose STK push answer was lost never learned its CheckoutRequestID, so neither a query nor the
/// callback can find it, and the customer who paid would only see it expire. When a success callback with a
/// CheckoutRequestID no purchase knows arrives (already proven to be this organization's by the URL token), the
/// organization's oldest pending M-Pesa purchase without a request id, from the same phone number for the same
/// amount, adopts it. A masked or missing phone number adopts nothing: the callback stays for review.
/// </summary>
public sealed class LostStkAnswerMatcher(IDbContextFactory<HotspotDbContext> contexts, TimeProvider time, ILogger<LostStkAnswerMatcher> logger)
{
    /// <returns>True when a purchase now carries <paramref name="checkoutRequestId"/>.</returns>
    public async Task<bool> TryAdoptAsync(Guid organizationId, string checkoutRequestId, string? phoneNumber, long? amountKes,
        CancellationToken cancellationToken)
    {
        if (amountKes is not { } amount || !KenyanPhoneNumber.TryParse(phoneNumber, out var phone))
            return false;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var purchase = await db.Purchases
                .Where(p => p.OrganizationId == organizationId && p.Status == PurchaseStatus.Pending && p.ProviderRequestId == null
                    && p.PaymentMethod == PaymentMethodType.Mpesa && p.PhoneNumber == phone.Value && p.AmountKes == amount)
                .OrderBy(p => p.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken);
            if (purchase is null)
                return false;
            purchase.RecordProviderRequest(checkoutRequestId, time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("Purchase {PurchaseId} of organization {OrganizationId}, whose STK answer was lost, adopted callback {CheckoutRequestId}",
                purchase.Id, organizationId, checkoutRequestId);
            return true;
        }
        catch (DbUpdateException)
        {
            // The purchase changed meanwhile (settled, expired) or another callback adopted it first.
            return false;
        }
    }
}
