namespace Hotspot.Domain.Organizations;

/// <summary>Where one Kopo Kopo webhook subscription stands.</summary>
public enum WebhookSubscriptionStatus
{
    /// <summary>Requested, not yet confirmed by Kopo Kopo.</summary>
    Pending,
    Active,
    Failed,
}
