using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Text;

namespace Hotspot.Domain.Purchases;

/// <summary>
/// A customer's attempt to buy a plan. Written <see cref="PurchaseStatus.Pending"/> before the payment request
/// goes out, then moved exactly once to a final state. <see cref="PurchaseStatus.Paid"/> is final: a repeated
/// confirmation is a no-op, and a confirmation with a different amount is refused and kept for review.
/// </summary>
public sealed class Purchase
{
    private Purchase() { PhoneNumber = ""; }

    /// <summary>Random (version 4) so a purchase's status page cannot be found by guessing.</summary>
    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }
    public Guid PlanId { get; private set; }

    /// <summary>Normalised <c>2547XXXXXXXX</c> / <c>2541XXXXXXXX</c>.</summary>
    public string PhoneNumber { get; private set; }

    /// <summary>The device's MAC from the captive portal, upper case with colons, when known.</summary>
    public string? MacAddress { get; private set; }

    /// <summary>Whole shillings, copied from the plan when the purchase is made.</summary>
    public long AmountKes { get; private set; }

    /// <summary>The access time bought, copied from the plan: a later plan change does not alter what was sold.</summary>
    public TimeSpan Duration { get; private set; }

    public PaymentMethodType PaymentMethod { get; private set; }
    public PurchaseStatus Status { get; private set; }

    /// <summary>The provider's id of the payment request (Daraja CheckoutRequestID, Kopo Kopo incoming payment id).</summary>
    public string? ProviderRequestId { get; private set; }

    /// <summary>The M-Pesa receipt (reference) of the payment that settled it.</summary>
    public string? ProviderReceipt { get; private set; }

    public Guid? VoucherId { get; private set; }

    /// <summary>Why it failed, was cancelled or expired, as the provider said it.</summary>
    public string? FailureReason { get; private set; }

    /// <summary>Set when a confirmation could not be applied (amount differs, arrived too late): a human should look.</summary>
    public string? ReviewReason { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PaidAt { get; private set; }

    /// <summary>When the reconciler last asked the provider about it, and how often it has.</summary>
    public DateTime? LastCheckedAt { get; private set; }
    public int CheckAttempts { get; private set; }

    public static Purchase Create(Plan plan, KenyanPhoneNumber phoneNumber, string? macAddress, PaymentMethodType method, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.IsActive)
            throw DomainException.Validation("This plan is not on sale.");
        if (phoneNumber.Value is null)
            throw DomainException.Validation("A phone number is required.");
        return new Purchase
        {
            Id = Guid.NewGuid(),
            OrganizationId = plan.OrganizationId,
            PlanId = plan.Id,
            PhoneNumber = phoneNumber.Value,
            MacAddress = Devices.MacAddress.ParseOptional(macAddress)?.Value,
            AmountKes = plan.PriceKes,
            Duration = plan.Duration,
            PaymentMethod = method,
            Status = PurchaseStatus.Pending,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>
    /// A purchase paid by a payment that reached us without one (paid to the paybill or till directly, late, a second
    /// payment): PAID at once with the payment's receipt, for the price of <paramref name="plan"/>. The caller issues
    /// its voucher in the same transaction. <paramref name="payerPhone"/> is the number as the provider gave it
    /// (Daraja masks some), normalised when it can be read.
    /// </summary>
    public static Purchase ForStoredPayment(Plan plan, string? payerPhone, string receipt, PaymentMethodType method, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (string.IsNullOrWhiteSpace(receipt))
            throw DomainException.Validation("A payment without a receipt cannot pay a purchase.");
        var phone = KenyanPhoneNumber.TryParse(payerPhone, out var parsed) ? parsed.Value : Truncate(payerPhone?.Trim() ?? "", 64);
        return new Purchase
        {
            Id = Guid.NewGuid(),
            OrganizationId = plan.OrganizationId,
            PlanId = plan.Id,
            PhoneNumber = phone,
            AmountKes = plan.PriceKes,
            Duration = plan.Duration,
            PaymentMethod = method,
            Status = PurchaseStatus.Paid,
            ProviderReceipt = receipt,
            CreatedAt = now,
            UpdatedAt = now,
            PaidAt = now,
        };
    }

    public bool IsFinal => Status != PurchaseStatus.Pending;

    /// <summary>Remembers the provider's request id once the payment request was accepted.</summary>
    public void RecordProviderRequest(string providerRequestId, DateTime now)
    {
        if (string.IsNullOrWhiteSpace(providerRequestId))
            throw DomainException.Validation("A provider request id is required.");
        if (ProviderRequestId is not null && ProviderRequestId != providerRequestId)
            throw new DomainException(DomainErrorCodes.InvalidStateTransition, "The purchase already has a provider request id.");
        ProviderRequestId = providerRequestId;
        UpdatedAt = now;
    }

    /// <summary>
    /// Applies a payment confirmation. Only <see cref="SettlementOutcome.Settled"/> changes the status; the
    /// caller must then issue the voucher and <see cref="AttachVoucher"/> it in the same transaction.
    /// </summary>
    public SettlementOutcome Settle(long amountKes, string? receipt, DateTime now) => Settle(amountKes, Currencies.Kes, receipt, now);

    /// <param name="currency">As the provider wrote it: only Kenyan shillings pay a purchase priced in them.</param>
    public SettlementOutcome Settle(long amountKes, string currency, string? receipt, DateTime now)
    {
        // The same payment again (or one whose receipt is unknown) changes nothing; another payment for a paid
        // purchase is money to give back, so it goes to review like a payment for a cancelled one.
        if (Status == PurchaseStatus.Paid && (receipt is null || ProviderReceipt is null || receipt == ProviderReceipt))
            return SettlementOutcome.AlreadyPaid;
        if (Status != PurchaseStatus.Pending)
        {
            RecordForReview($"A payment of {amountKes} KES (receipt {receipt ?? "none"}) arrived after the purchase was {Status}.", now);
            return SettlementOutcome.NotPending;
        }
        if (!Currencies.IsKes(currency))
        {
            RecordForReview($"A payment of {amountKes} {currency} (receipt {receipt ?? "none"}) is not in KES; the price is {AmountKes} KES.", now);
            return SettlementOutcome.CurrencyMismatch;
        }
        if (amountKes != AmountKes)
        {
            RecordForReview($"A payment of {amountKes} KES (receipt {receipt ?? "none"}) does not match the price of {AmountKes} KES.", now);
            return SettlementOutcome.AmountMismatch;
        }
        Status = PurchaseStatus.Paid;
        ProviderReceipt = receipt;
        PaidAt = now;
        UpdatedAt = now;
        return SettlementOutcome.Settled;
    }

    public void AttachVoucher(Guid voucherId)
    {
        if (Status != PurchaseStatus.Paid || VoucherId is not null)
            throw new DomainException(DomainErrorCodes.InvalidStateTransition, "Only a paid purchase without a voucher can receive one.");
        VoucherId = voucherId;
    }

    /// <summary>
    /// The payment's receipt already paid another purchase of the organization (for example a voucher claimed on the
    /// portal with the till's notification before the payment's own result arrived): one receipt buys one voucher.
    /// </summary>
    public SettlementOutcome RefuseReceiptPaidElsewhere(string receipt, DateTime now)
    {
        RecordForReview($"Receipt {receipt} already paid another purchase of this organization.", now);
        return SettlementOutcome.ReceiptAlreadyUsed;
    }

    /// <summary>The provider reported a failure. Returns false (nothing changes) unless the purchase is pending.</summary>
    public bool Fail(string reason, DateTime now) => Finish(PurchaseStatus.Failed, reason, now);

    /// <summary>The customer cancelled the payment prompt.</summary>
    public bool Cancel(string reason, DateTime now) => Finish(PurchaseStatus.Cancelled, reason, now);

    /// <summary>No outcome arrived in time.</summary>
    public bool Expire(string reason, DateTime now) => Finish(PurchaseStatus.Expired, reason, now);

    public void RecordCheck(DateTime now)
    {
        LastCheckedAt = now;
        CheckAttempts++;
        UpdatedAt = now;
    }

    private bool Finish(PurchaseStatus status, string reason, DateTime now)
    {
        if (Status != PurchaseStatus.Pending)
            return false;
        Status = status;
        FailureReason = string.IsNullOrWhiteSpace(reason) ? status.ToString() : Truncate(reason, 500);
        UpdatedAt = now;
        return true;
    }

    private void RecordForReview(string reason, DateTime now)
    {
        ReviewReason = Truncate(reason, 500);
        UpdatedAt = now;
    }

    private static string Truncate(string text, int length) => TextLimits.Truncate(text, length);
}
