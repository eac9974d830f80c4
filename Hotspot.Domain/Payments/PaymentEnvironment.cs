namespace Hotspot.Domain.Payments;

/// <summary>Which of a provider's deployments an organization's credentials belong to.</summary>
public enum PaymentEnvironment
{
    Sandbox,
    Production,
}
