namespace Hotspot.Domain.Payments.Gateways;

/// <summary>
/// One organization's credentials for one provider. Each provider adapter defines its own derived record;
/// derived records must keep secrets out of <c>ToString()</c>.
/// </summary>
public abstract record GatewayCredentials
{
    /// <summary>Which of the provider's deployments the credentials belong to.</summary>
    public PaymentEnvironment Environment { get; init; } = PaymentEnvironment.Sandbox;
}
