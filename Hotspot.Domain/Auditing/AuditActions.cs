namespace Hotspot.Domain.Auditing;

/// <summary>The action names written to the audit log by the domain.</summary>
public static class AuditActions
{
    public const string OrganizationCreated = "organization.created";
    public const string OrganizationRenamed = "organization.renamed";
    public const string MpesaConfigured = "mpesa.configured";
    public const string MpesaCleared = "mpesa.cleared";
    public const string MpesaCredentialsTested = "mpesa.credentials_tested";
    public const string KopoKopoConfigured = "kopokopo.configured";
    public const string KopoKopoCleared = "kopokopo.cleared";
    public const string KopoKopoCredentialsTested = "kopokopo.credentials_tested";
    public const string KopoKopoWebhookSubscription = "kopokopo.webhook_subscription";
    public const string PaymentMethodActivated = "payment_method.activated";
    public const string PaymentMethodDeactivated = "payment_method.deactivated";
}
