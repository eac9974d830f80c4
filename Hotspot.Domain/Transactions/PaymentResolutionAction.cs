namespace Hotspot.Domain.Transactions;

/// <summary>What a person (or the customer's claim on the portal) decided about a payment kept for review.</summary>
public enum PaymentResolutionAction
{
    /// <summary>The payment bought a voucher: a paid purchase with the payment's receipt and its active voucher.</summary>
    IssueVoucher,

    /// <summary>The unspent money was sent back (Daraja B2C or Kopo Kopo PAY).</summary>
    Refund,

    /// <summary>Nothing to give back or issue (a forgery, a duplicate, settled outside the system): a note says why.</summary>
    Dismiss,
}
