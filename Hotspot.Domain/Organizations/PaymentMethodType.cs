namespace Hotspot.Domain.Organizations;

/// <summary>The ways an organization's customers can pay. Adding a provider adds a value here.</summary>
public enum PaymentMethodType
{
    Mpesa,
    KopoKopo,
}
