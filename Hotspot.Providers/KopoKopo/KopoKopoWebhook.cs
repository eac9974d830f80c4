namespace Hotspot.Providers.KopoKopo;

/// <summary>A Kopo Kopo webhook, read. <see cref="EventId"/> is the idempotency key.</summary>
/// <param name="Topic">E.g. <c>buygoods_transaction_received</c>; <c>daraja_payload</c> for v2 Daraja-format bodies.</param>
public sealed record KopoKopoWebhook(
    string Topic,
    string EventId,
    DateTimeOffset? CreatedAt,
    string EventType,
    string? ResourceLink,
    KopoKopoWebhookResource Resource);
