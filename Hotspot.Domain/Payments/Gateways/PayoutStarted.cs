namespace Hotspot.Domain.Payments.Gateways;

/// <summary>The provider accepted a payout; the result follows by callback.</summary>
/// <param name="ProviderRequestId">Daraja <c>ConversationID</c>; Kopo Kopo send-money id.</param>
/// <param name="StatusLocation">Kopo Kopo <c>Location</c> of the payout; unused by Daraja.</param>
public sealed record PayoutStarted(string ProviderRequestId, Uri? StatusLocation = null);
