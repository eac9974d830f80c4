namespace Hotspot.Domain.Payments.Gateways;

/// <summary>
/// One organization's credentials for one provider. Each provider adapter defines its own derived record;
/// derived records must keep secrets out of <c>ToString()</c>.
/// </summary>
public abstract record GatewayCredentials
{
    public abstract PaymentEnvironment Environment { get; }
}
