namespace Hotspot.Domain.Organizations;

/// <summary>One Kopo Kopo webhook subscription (one event type) of an organization.</summary>
public sealed class WebhookSubscription
{
    private WebhookSubscription() { EventType = ""; Scope = ""; }

    public WebhookSubscription(string eventType, string scope, string? scopeReference, DateTime now)
    {
        EventType = eventType;
        Scope = scope;
        ScopeReference = scopeReference;
        Status = WebhookSubscriptionStatus.Pending;
        UpdatedAt = now;
    }

    /// <summary>Kopo Kopo's event type, e.g. <c>buygoods_transaction_received</c>.</summary>
    public string EventType { get; private set; }

    /// <summary><c>till</c> or <c>company</c>.</summary>
    public string Scope { get; private set; }

    /// <summary>The till number when the scope is <c>till</c>.</summary>
    public string? ScopeReference { get; private set; }

    public WebhookSubscriptionStatus Status { get; private set; }

    /// <summary>The subscription's <c>Location</c> returned by Kopo Kopo.</summary>
    public string? ProviderLocation { get; private set; }

    public string? LastError { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    internal void Record(WebhookSubscriptionStatus status, string? providerLocation, string? error, DateTime now)
    {
        Status = status;
        ProviderLocation = providerLocation ?? ProviderLocation;
        LastError = error;
        UpdatedAt = now;
    }
}
