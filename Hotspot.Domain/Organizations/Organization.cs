using System.Security.Cryptography;
using Hotspot.Domain.Auditing;
using Hotspot.Domain.Secrets;

namespace Hotspot.Domain.Organizations;

/// <summary>
/// A tenant: one ISP. Holds its payment configurations and which one is active. Every change is recorded as an
/// <see cref="AuditEntry"/> in <see cref="PendingAuditEntries"/>; the storage layer writes them in the same save.
/// </summary>
public sealed class Organization
{
    private readonly List<AuditEntry> _pendingAuditEntries = [];

    private Organization() { Name = ""; DarajaCallbackToken = ""; }

    public Guid Id { get; private set; }
    public string Name { get; private set; }

    /// <summary>The active payment method, or null when none is.</summary>
    public PaymentMethodType? PaymentMethod { get; private set; }

    public MpesaConfiguration? MpesaConfiguration { get; private set; }
    public KopoKopoConfiguration? KopoKopoConfiguration { get; private set; }

    /// <summary>
    /// Unguessable token in the Daraja callback URL: Daraja signs nothing, so knowing the URL is the proof.
    /// </summary>
    public string DarajaCallbackToken { get; private set; }

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }

    /// <summary>Audit entries of changes not yet saved.</summary>
    public IReadOnlyList<AuditEntry> PendingAuditEntries => _pendingAuditEntries;

    public static Organization Create(string? name, string actor, DateTime now)
    {
        var organization = new Organization
        {
            Id = Guid.NewGuid(),
            Name = ValidName(name),
            DarajaCallbackToken = NewCallbackToken(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        organization.Audit(actor, AuditActions.OrganizationCreated, $"Organization '{organization.Name}' created.", now);
        return organization;
    }

    public void Rename(string? name, string actor, DateTime now)
    {
        var valid = ValidName(name);
        if (valid == Name)
            return;
        var old = Name;
        Name = valid;
        Touch(now);
        Audit(actor, AuditActions.OrganizationRenamed, $"Renamed from '{old}' to '{valid}'.", now);
    }

    public PaymentMethodState StateOf(PaymentMethodType method)
    {
        if (!IsConfigured(method))
            return PaymentMethodState.NotConfigured;
        return PaymentMethod == method ? PaymentMethodState.Active : PaymentMethodState.Configured;
    }

    public bool IsConfigured(PaymentMethodType method) => method switch
    {
        PaymentMethodType.Mpesa => MpesaConfiguration is not null,
        PaymentMethodType.KopoKopo => KopoKopoConfiguration is not null,
        _ => false,
    };

    /// <summary>Sets or replaces the M-Pesa configuration. An active method stays active; verification starts over.</summary>
    public void ConfigureMpesa(MpesaConfiguration configuration, string actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        MpesaConfiguration = configuration;
        Touch(now);
        Audit(actor, AuditActions.MpesaConfigured,
            $"M-Pesa configured: {configuration.Environment}, short code {configuration.ShortCode}, {configuration.TransactionType}.", now);
    }

    public void ClearMpesaConfiguration(string actor, DateTime now)
    {
        if (MpesaConfiguration is null)
            return;
        MpesaConfiguration = null;
        Touch(now);
        Audit(actor, AuditActions.MpesaCleared, "M-Pesa configuration removed.", now);
        if (PaymentMethod == PaymentMethodType.Mpesa)
            Deactivate(actor, now, "its configuration was removed");
    }

    /// <summary>Sets or replaces the Kopo Kopo configuration, keeping webhook states when the till is the same.</summary>
    public void ConfigureKopoKopo(KopoKopoConfiguration configuration, string actor, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration.KeepSubscriptionsOf(KopoKopoConfiguration);
        KopoKopoConfiguration = configuration;
        Touch(now);
        Audit(actor, AuditActions.KopoKopoConfigured,
            $"Kopo Kopo configured: {configuration.Environment}, till {configuration.TillNumber}.", now);
    }

    public void ClearKopoKopoConfiguration(string actor, DateTime now)
    {
        if (KopoKopoConfiguration is null)
            return;
        KopoKopoConfiguration = null;
        Touch(now);
        Audit(actor, AuditActions.KopoKopoCleared, "Kopo Kopo configuration removed.", now);
        if (PaymentMethod == PaymentMethodType.KopoKopo)
            Deactivate(actor, now, "its configuration was removed");
    }

    /// <summary>Makes <paramref name="method"/> the one active method; the other becomes merely configured.</summary>
    public void ActivatePaymentMethod(PaymentMethodType method, string actor, DateTime now)
    {
        if (!IsConfigured(method))
            throw new DomainException(DomainErrorCodes.PaymentMethodNotConfigured,
                $"{Describe(method)} is not configured; configure it before making it active.");
        if (PaymentMethod == method)
            return;
        var previous = PaymentMethod;
        PaymentMethod = method;
        Touch(now);
        Audit(actor, AuditActions.PaymentMethodActivated,
            previous is null
                ? $"{Describe(method)} is now the active payment method."
                : $"{Describe(method)} is now the active payment method (was {Describe(previous.Value)}).", now);
    }

    public void DeactivatePaymentMethod(string actor, DateTime now)
    {
        if (PaymentMethod is null)
            return;
        Deactivate(actor, now, "requested");
    }

    public void RecordMpesaCredentialTest(string? error, string actor, DateTime now)
    {
        var configuration = MpesaConfiguration ?? throw NotConfigured(PaymentMethodType.Mpesa);
        configuration.RecordCredentialTest(now, error);
        Touch(now);
        Audit(actor, AuditActions.MpesaCredentialsTested, error is null ? "M-Pesa credentials verified." : $"M-Pesa credential test failed: {error}", now);
    }

    public void RecordKopoKopoCredentialTest(string? error, string actor, DateTime now)
    {
        var configuration = KopoKopoConfiguration ?? throw NotConfigured(PaymentMethodType.KopoKopo);
        configuration.RecordCredentialTest(now, error);
        Touch(now);
        Audit(actor, AuditActions.KopoKopoCredentialsTested, error is null ? "Kopo Kopo credentials verified." : $"Kopo Kopo credential test failed: {error}", now);
    }

    public WebhookSubscription RecordKopoKopoWebhookSubscription(
        string eventType, string scope, string? scopeReference,
        WebhookSubscriptionStatus status, string? providerLocation, string? error, string actor, DateTime now)
    {
        var configuration = KopoKopoConfiguration ?? throw NotConfigured(PaymentMethodType.KopoKopo);
        var subscription = configuration.RecordWebhookSubscription(eventType, scope, scopeReference, status, providerLocation, error, now);
        Touch(now);
        Audit(actor, AuditActions.KopoKopoWebhookSubscription,
            $"Webhook {eventType} ({scope}) is {status}{(error is null ? "" : ": " + error)}.", now);
        return subscription;
    }

    /// <summary>Checks the token from a Daraja callback URL in constant time, so timing reveals nothing about it.</summary>
    public bool HasDarajaCallbackToken(string? token) =>
        ConstantTime.Matches(token, DarajaCallbackToken);

    /// <summary>Issues a new Daraja callback token, e.g. after the old URL leaked.</summary>
    public void RotateDarajaCallbackToken(DateTime now)
    {
        DarajaCallbackToken = NewCallbackToken();
        Touch(now);
    }

    /// <summary>Hands the unsaved audit entries to the storage layer and forgets them.</summary>
    public IReadOnlyList<AuditEntry> TakePendingAuditEntries()
    {
        var entries = _pendingAuditEntries.ToArray();
        _pendingAuditEntries.Clear();
        return entries;
    }

    private void Deactivate(string actor, DateTime now, string why)
    {
        var previous = PaymentMethod!.Value;
        PaymentMethod = null;
        Touch(now);
        Audit(actor, AuditActions.PaymentMethodDeactivated, $"{Describe(previous)} is no longer active ({why}).", now);
    }

    private void Audit(string actor, string action, string details, DateTime now) =>
        _pendingAuditEntries.Add(new AuditEntry(Id, actor, action, details, now));

    private void Touch(DateTime now) => UpdatedAt = now;

    private static DomainException NotConfigured(PaymentMethodType method) =>
        new(DomainErrorCodes.PaymentMethodNotConfigured, $"{Describe(method)} is not configured.");

    private static string Describe(PaymentMethodType method) => method switch
    {
        PaymentMethodType.Mpesa => "M-Pesa",
        PaymentMethodType.KopoKopo => "Kopo Kopo",
        _ => method.ToString(),
    };

    private static string ValidName(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > 200)
            throw DomainException.Validation("An organization name must have 1 to 200 characters.");
        return trimmed;
    }

    // 256 bits, URL-safe; letters and digits only so Daraja's URL filter has nothing to object to.
    private static string NewCallbackToken() => RandomNumberGenerator.GetHexString(64, lowercase: true);
}
