namespace Hotspot.Api.Payments;

/// <summary>Why a purchase request was refused: an HTTP status, a stable code for the portal, and a readable message.</summary>
public sealed record PurchaseProblem(int Status, string Code, string Message, Guid? PurchaseId = null)
{
    public const string OrganizationNotFound = "ORGANIZATION_NOT_FOUND";
    public const string PlanNotFound = "PLAN_NOT_FOUND";
    public const string PlanNotOnSale = "PLAN_NOT_ON_SALE";
    public const string PaymentMethodNotConfigured = Domain.DomainErrorCodes.PaymentMethodNotConfigured;
    public const string KopoKopoNotActive = "KOPOKOPO_NOT_ACTIVE";
    public const string Validation = Domain.DomainErrorCodes.Validation;
    public const string ProviderError = "PROVIDER_ERROR";
}
