namespace Hotspot.Domain.Purchases;

/// <summary>What happened when a payment confirmation was applied to a purchase.</summary>
public enum SettlementOutcome
{
    /// <summary>The purchase turned paid now; a voucher must be issued.</summary>
    Settled,

    /// <summary>It was already paid: a duplicate confirmation, nothing changed.</summary>
    AlreadyPaid,

    /// <summary>The amount differs from the purchase's; refused and recorded for review.</summary>
    AmountMismatch,

    /// <summary>The payment is not in KES; refused and recorded for review.</summary>
    CurrencyMismatch,

    /// <summary>The payment's receipt already paid another purchase of the organization; refused and recorded for review.</summary>
    ReceiptAlreadyUsed,

    /// <summary>The purchase had already failed, been cancelled or expired; recorded for review.</summary>
    NotPending,

    /// <summary>No purchase matched (storage level only).</summary>
    PurchaseNotFound,
}
