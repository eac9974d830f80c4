namespace Hotspot.Providers.Daraja;

/// <summary>Names a transaction by M-Pesa receipt (<paramref name="TransactionId"/>) or by <paramref name="OriginalConversationId"/>.</summary>
public sealed record TransactionStatusCommand(
    string? TransactionId,
    string? OriginalConversationId,
    Uri ResultUrl,
    Uri QueueTimeOutUrl,
    string Remarks = "Status",
    string? Occasion = null);
