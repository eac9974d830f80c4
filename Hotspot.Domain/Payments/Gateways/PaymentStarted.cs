namespace Hotspot.Domain.Payments.Gateways;

/// <summary>The provider accepted a payment request; the outcome follows by callback or query.</summary>
/// <param name="Reference">What identifies the payment at the provider.</param>
/// <param name="CustomerMessage">The provider's message for the customer, if any.</param>
public sealed record PaymentStarted(PaymentReference Reference, string? CustomerMessage);
