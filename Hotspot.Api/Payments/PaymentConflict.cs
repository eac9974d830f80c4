using Hotspot.Domain;

namespace Hotspot.Api.Payments;

/// <summary>Someone else decided about the payment first (or it already paid a purchase): reload and look again.</summary>
public static class PaymentConflict
{
    public const string Code = "CONFLICT";

    public static DomainException Because(string message) => new(Code, message);

    public static DomainException AlreadyDecided() =>
        Because("This payment was changed by someone else a moment ago; reload it and decide again.");
}
