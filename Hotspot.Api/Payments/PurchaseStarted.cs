using Hotspot.Domain.Organizations;
using Hotspot.Domain.Purchases;

namespace Hotspot.Api.Payments;

/// <summary>A purchase written and its payment request sent (or its outcome left to the reconciler).</summary>
public sealed record PurchaseStarted(Guid PurchaseId, PurchaseStatus Status, PaymentMethodType PaymentMethod, string Message);
