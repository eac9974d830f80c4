namespace Hotspot.Domain;

/// <summary>
/// A rule of the domain was broken by the caller's input. <see cref="Code"/> is stable so the API can map it
/// to an error code (e.g. <c>VALIDATION</c>, <c>PAYMENT_METHOD_NOT_CONFIGURED</c>) without parsing messages.
/// </summary>
public sealed class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static DomainException Validation(string message) => new(DomainErrorCodes.Validation, message);
}
