namespace Hotspot.Api.Payments;

/// <summary>
/// Limits of the portal's claim by receipt, bound from <c>RateLimits</c> beside the other public routes' limits. A
/// customer claims once or twice; someone guessing receipts or phone digits needs thousands of tries, so both the
/// client address (a whole site's customers share one) and the receipt tried are limited, per <c>WindowSeconds</c>.
/// </summary>
public sealed class ClaimRateLimits
{
    public int ClaimsPerAddressPerMinute { get; set; } = 30;

    public int ClaimsPerReceiptPerMinute { get; set; } = 5;

    /// <summary>The length of every "per minute" window (shared with the other limits; shorter only in tests).</summary>
    public int WindowSeconds { get; set; } = 60;
}
