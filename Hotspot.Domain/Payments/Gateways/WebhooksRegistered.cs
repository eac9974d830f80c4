namespace Hotspot.Domain.Payments.Gateways;

/// <summary>What the provider registered: subscription locations or ids.</summary>
public sealed record WebhooksRegistered(IReadOnlyList<string> Registrations);
