using Hotspot.Domain.Radius;

namespace Hotspot.Storage.Radius;

/// <summary>The decision for an Access-Request, with the router it came from and the code to check the password against.</summary>
public sealed record AccessOutcome(Router? Router, AuthorizeDecision Decision, string? VoucherCode)
{
    /// <summary>The code matched no voucher of the router's organization (what a guesser gets).</summary>
    public bool UnknownCode { get; init; }

    /// <summary>The device logged in by its MAC address (the User-Name), through a voucher it bought.</summary>
    public bool MacLogin { get; init; }

    /// <summary>The voucher the session is accounted to, once accepted.</summary>
    public Guid? VoucherId { get; init; }

    public bool UnknownRouter => Router is null;
}
