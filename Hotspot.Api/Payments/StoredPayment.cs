using Hotspot.Domain.Organizations;
using Hotspot.Domain.Transactions;

namespace Hotspot.Api.Payments;

/// <summary>
/// A stored provider row (either table) read as money received: what the customer paid, with which receipt, from
/// which phone, and what became of it. <see cref="IsPayment"/> says whether the row reports money that arrived at
/// all (a successful STK result, a C2B confirmation, a received till payment or a successful incoming payment);
/// rows about refunds, failures or forged and unreadable deliveries are not payments.
/// </summary>
public sealed record StoredPayment(
    PaymentMethodType Provider,
    Guid Id,
    Guid OrganizationId,
    bool IsPayment,
    long? AmountKes,
    string? Currency,
    string? Receipt,
    string? PhoneNumber,
    Guid? PurchaseId,
    CallbackStatus Status,
    string? ReviewReason,
    PaymentResolution? Resolution,
    DateTime ReceivedAt)
{
    public const string Shillings = "KES";

    public bool IsInShillings => string.Equals(Currency, Shillings, StringComparison.OrdinalIgnoreCase);

    /// <summary>A payment no purchase claimed yet: kept for review, or a C2B/till payment processed without one.</summary>
    public bool IsUnclaimed => Resolution is null
        && (Status == CallbackStatus.NeedsReview || (Status == CallbackStatus.Processed && PurchaseId is null));

    public string ProviderName => Provider == PaymentMethodType.Mpesa ? "M-Pesa" : "Kopo Kopo";

    public static StoredPayment Of(MpesaTransaction t) => new(PaymentMethodType.Mpesa, t.Id, t.OrganizationId,
        IsPayment: t.ReceiptNumber is not null && t.AmountKes > 0
            && ((t.Kind == MpesaTransactionKind.StkCallback && t.ResultCode == 0) || t.Kind == MpesaTransactionKind.C2BConfirmation),
        t.AmountKes, Shillings, t.ReceiptNumber, t.PhoneNumber, t.PurchaseId, t.Status, t.ReviewReason, PaymentResolution.Of(t), t.ReceivedAt);

    public static StoredPayment Of(KopoKopoTransaction t) => new(PaymentMethodType.KopoKopo, t.Id, t.OrganizationId,
        IsPayment: t.Reference is not null && t.AmountKes > 0
            && ((t.Type == KopoKopoTransactionType.BuyGoods && t.ProviderStatus == "Received")
                || (t.Type == KopoKopoTransactionType.IncomingPayment && t.ProviderStatus == "Success")),
        t.AmountKes, t.Currency, t.Reference, t.PhoneNumber, t.PurchaseId, t.Status, t.ReviewReason, PaymentResolution.Of(t), t.ReceivedAt);
}
