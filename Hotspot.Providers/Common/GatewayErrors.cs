using Hotspot.Domain.Payments.Gateways;

namespace Hotspot.Providers.Common;

/// <summary>Errors we raise ourselves, before or instead of a provider's answer.</summary>
public static class GatewayErrors
{
    public static GatewayError InvalidRequest(string message) =>
        new(GatewayErrorKind.InvalidRequest, "invalid_request", message);

    public static GatewayError InvalidCallback(string message) =>
        new(GatewayErrorKind.InvalidCallback, "invalid_callback", message);

    public static GatewayError WrongCredentials(string expected) =>
        new(GatewayErrorKind.InvalidRequest, "wrong_credentials", $"This gateway needs {expected}.");

    public static GatewayError NotSupported(string message) =>
        new(GatewayErrorKind.NotSupported, "not_supported", message);

    public static GatewayError Unreachable(string provider, Exception exception) =>
        new(GatewayErrorKind.ProviderUnavailable, "unreachable", $"{provider} could not be reached: {exception.GetType().Name}.", Retryable: true);
}
