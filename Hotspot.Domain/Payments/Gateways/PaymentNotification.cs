namespace Hotspot.Domain.Payments.Gateways;

/// <summary>
/// What a verified callback says about a payment. <see cref="ProviderRequestId"/> matches
/// <see cref="PaymentReference.ProviderRequestId"/> for payments we started; it is null for payments the
/// customer made on their own (paybill/till notifications).
/// </summary>
/// <param name="EventId">Unique id of this notification, for idempotency (Kopo Kopo event id, Daraja receipt or checkout id).</param>
public sealed record PaymentNotification(
    string? ProviderRequestId,
    string EventId,
    PaymentStatus Status);
