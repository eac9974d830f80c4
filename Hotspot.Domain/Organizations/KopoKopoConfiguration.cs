using Hotspot.Domain.Payments;

namespace Hotspot.Domain.Organizations;

/// <summary>
/// An organization's own Kopo Kopo (K2 Connect) credentials, settings and webhook subscriptions. Secrets are
/// plain here; the storage layer encrypts them at rest.
/// </summary>
public sealed class KopoKopoConfiguration
{
    private readonly List<WebhookSubscription> _webhookSubscriptions = [];

    private KopoKopoConfiguration()
    {
        ClientId = ""; ClientSecret = ""; ApiKey = ""; BusinessName = ""; TillNumber = "";
    }

    public PaymentEnvironment Environment { get; private set; }
    /// <summary>Not a secret by itself, but half of the OAuth credentials, so it is encrypted at rest like them.</summary>
    public string ClientId { get; private set; }
    public string ClientSecret { get; private set; }

    /// <summary>Keys the HMAC of <c>X-KopoKopo-Signature</c> on webhooks.</summary>
    public string ApiKey { get; private set; }

    public string BusinessName { get; private set; }

    /// <summary>The till payments go to; Kopo Kopo writes it with or without a leading <c>K</c>.</summary>
    public string TillNumber { get; private set; }

    public IReadOnlyList<WebhookSubscription> WebhookSubscriptions => _webhookSubscriptions;

    public bool CredentialsVerified { get; private set; }
    public DateTime? LastTestedAt { get; private set; }
    public string? LastTestError { get; private set; }

    public static KopoKopoConfiguration Create(
        PaymentEnvironment environment,
        string? clientId,
        string? clientSecret,
        string? apiKey,
        string? businessName,
        string? tillNumber)
    {
        var errors = new List<string>();
        RequireText(clientId, "clientId", errors);
        RequireText(clientSecret, "clientSecret", errors);
        RequireText(apiKey, "apiKey", errors);
        RequireText(businessName, "businessName", errors);
        var till = tillNumber?.Trim() ?? "";
        var tillDigits = till.StartsWith('K') || till.StartsWith('k') ? till[1..] : till;
        if (tillDigits.Length is < 4 or > 10 || !tillDigits.All(char.IsAsciiDigit))
            errors.Add("tillNumber must be 4 to 10 digits, optionally starting with K");
        if (errors.Count > 0)
            throw DomainException.Validation("Invalid Kopo Kopo configuration: " + string.Join("; ", errors) + ".");

        return new KopoKopoConfiguration
        {
            Environment = environment,
            ClientId = clientId!.Trim(),
            ClientSecret = clientSecret!.Trim(),
            ApiKey = apiKey!.Trim(),
            BusinessName = businessName!.Trim(),
            TillNumber = till.ToUpperInvariant(),
        };
    }

    /// <summary>Copies the subscription states of a previous configuration (same till), so re-saving credentials keeps them.</summary>
    internal void KeepSubscriptionsOf(KopoKopoConfiguration? previous)
    {
        if (previous is null || previous.TillNumber != TillNumber || previous.Environment != Environment)
            return;
        _webhookSubscriptions.AddRange(previous._webhookSubscriptions);
    }

    internal void RecordCredentialTest(DateTime at, string? error)
    {
        LastTestedAt = at;
        LastTestError = error;
        CredentialsVerified = error is null;
    }

    internal WebhookSubscription RecordWebhookSubscription(
        string eventType, string scope, string? scopeReference,
        WebhookSubscriptionStatus status, string? providerLocation, string? error, DateTime now)
    {
        var subscription = _webhookSubscriptions.FirstOrDefault(s => s.EventType == eventType && s.Scope == scope);
        if (subscription is null)
        {
            subscription = new WebhookSubscription(eventType, scope, scopeReference, now);
            _webhookSubscriptions.Add(subscription);
        }
        subscription.Record(status, providerLocation, error, now);
        return subscription;
    }

    private static void RequireText(string? value, string name, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
            errors.Add($"{name} is required");
        else if (value.Length > 512)
            errors.Add($"{name} is too long");
    }
}
