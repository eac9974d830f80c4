namespace Hotspot.Domain.Payments.Gateways;

public enum PaymentState
{
    /// <summary>Not decided yet: keep waiting for the callback or query again later.</summary>
    Pending,

    Succeeded,

    Failed,
}
