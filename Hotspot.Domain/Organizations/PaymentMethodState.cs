namespace Hotspot.Domain.Organizations;

/// <summary>Where one payment method of an organization stands.</summary>
public enum PaymentMethodState
{
    /// <summary>Configured and selected: purchases use it.</summary>
    Active,

    /// <summary>Configured but not selected.</summary>
    Configured,

    NotConfigured,
}
