namespace Hotspot.Domain.Payments.Gateways;

/// <summary>Where the provider should send payment notifications.</summary>
/// <param name="NotificationUrl">Kopo Kopo webhooks; Daraja C2B confirmation URL.</param>
/// <param name="ValidationUrl">Daraja C2B validation URL (defaults to the notification URL); unused by Kopo Kopo.</param>
public sealed record WebhookRegistration(Uri NotificationUrl, Uri? ValidationUrl = null);
