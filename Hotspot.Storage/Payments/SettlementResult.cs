using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;

namespace Hotspot.Storage.Payments;

/// <summary>What a settlement did; the voucher is the purchase's (also for <see cref="SettlementOutcome.AlreadyPaid"/>).</summary>
public sealed record SettlementResult(SettlementOutcome Outcome, Guid? VoucherId, string? VoucherCode, string? ReviewReason,
    Guid? PurchaseId = null, PaymentMethodType? PaymentMethod = null)
{
    /// <summary>True only for the one call that moved the purchase to paid.</summary>
    public bool Settled => Outcome == SettlementOutcome.Settled;
}
