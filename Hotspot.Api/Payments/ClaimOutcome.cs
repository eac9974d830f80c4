namespace Hotspot.Api.Payments;

/// <summary>What a claim by receipt found.</summary>
public enum ClaimOutcome
{
    /// <summary>The voucher the payment bought (now or before).</summary>
    Voucher,

    /// <summary>No payment of this organization has this receipt and phone (or it cannot be claimed): one answer for every miss.</summary>
    NotFound,

    /// <summary>The payment is the customer's, but no plan on sale costs so little: it stays for the hotspot to refund.</summary>
    CoversNoPlan,
}
