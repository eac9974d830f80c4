using System.Text.Json.Serialization;

namespace Hotspot.Providers.KopoKopo.Wire;

/// <summary><c>POST /api/v1/webhook_subscriptions</c>; <c>scope_reference</c> is the till number for scope <c>till</c>.</summary>
public sealed record WebhookSubscriptionRequest(
    string EventType,
    string Url,
    string Scope,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ScopeReference);

/// <summary><c>GET</c> of a subscription; note <c>webhook_uri</c> where the request said <c>url</c>.</summary>
public sealed record WebhookSubscriptionDocument(WebhookSubscriptionData? Data);

public sealed record WebhookSubscriptionData(string? Id, string? Type, WebhookSubscriptionAttributes? Attributes);

public sealed record WebhookSubscriptionAttributes(string? EventType, string? WebhookUri, string? Status, string? Scope, string? ScopeReference);
