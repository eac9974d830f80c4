using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.KopoKopo;

/// <summary>
/// The one place that turns Kopo Kopo's error answers into <see cref="GatewayError"/>s: API errors
/// <c>{error_code, error_message}</c>, OAuth errors <c>{error, error_description}</c>, or just a status.
/// </summary>
public static class KopoKopoErrorMapper
{
    public static GatewayError Map(int httpStatus, ReadOnlySpan<byte> body)
    {
        var (kind, retryable) = httpStatus switch
        {
            400 or 422 => (GatewayErrorKind.InvalidRequest, false),
            401 or 403 => (GatewayErrorKind.InvalidCredentials, false),
            429 => (GatewayErrorKind.RateLimited, true),
            >= 500 => (GatewayErrorKind.ProviderUnavailable, true),
            _ => (GatewayErrorKind.ProviderRejected, false),
        };

        if (UntrustedJson.TryParse(body, out var document, out _))
        {
            using var _ = document;
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (Text(root, "error_message") is { } message)
                {
                    return new GatewayError(kind, Text(root, "error_code") ?? httpStatus.ToString(), message, null, retryable, httpStatus);
                }

                if (Text(root, "error") is { } error)
                {
                    // OAuth errors: a refused client is a credentials problem whatever the status.
                    var oauthKind = error is "invalid_client" or "unauthorized_client" or "invalid_grant" ? GatewayErrorKind.InvalidCredentials : kind;
                    return new GatewayError(oauthKind, error, Text(root, "error_description") ?? error, null, retryable, httpStatus);
                }
            }
        }

        return new GatewayError(kind, $"http_{httpStatus}", $"Kopo Kopo answered HTTP {httpStatus} without a readable error.", null, retryable, httpStatus);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
