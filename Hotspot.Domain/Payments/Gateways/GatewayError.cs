namespace Hotspot.Domain.Payments.Gateways;

/// <summary>
/// A failure reported by a provider (or by us before calling it), mapped once into one shape.
/// </summary>
/// <param name="Kind">What kind of failure, for deciding what to do next.</param>
/// <param name="Code">The provider's own code (e.g. <c>400.002.02</c>, <c>500.003.02</c>), or ours.</param>
/// <param name="Message">The provider's message; never contains a credential.</param>
/// <param name="RequestId">The provider's request id, when it gave one.</param>
/// <param name="Retryable">True when the same call may succeed later (spike arrest, quota, outage).</param>
/// <param name="HttpStatus">The HTTP status of the provider's answer, when there was one.</param>
public sealed record GatewayError(
    GatewayErrorKind Kind,
    string Code,
    string Message,
    string? RequestId = null,
    bool Retryable = false,
    int? HttpStatus = null);
