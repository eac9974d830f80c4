using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;

namespace Hotspot.Providers.Daraja;

/// <summary>
/// The one place that turns Daraja's error answers into <see cref="GatewayError"/>s: the
/// <c>{requestId, errorCode, errorMessage}</c> envelope, Apigee <c>fault</c>s, SOAP-style
/// <c>Envelope.Body.Fault</c>s, and bodies that are not JSON at all (gateway HTML pages).
/// </summary>
public static class DarajaErrorMapper
{
    /// <summary>Codes meaning "this access token is not valid" (they differ by product).</summary>
    private static readonly HashSet<string> InvalidTokenCodes = ["404.001.03", "400.003.01", "401.002.01", "404.001.04"];

    public static GatewayError Map(int httpStatus, ReadOnlySpan<byte> body)
    {
        if (TryReadError(body, httpStatus, out var error))
        {
            return error;
        }

        return FromStatus(httpStatus);
    }

    /// <summary>Finds an error in a body, even one sent with HTTP 200.</summary>
    public static bool TryReadError(ReadOnlySpan<byte> body, int httpStatus, out GatewayError error)
    {
        error = null!;
        if (!UntrustedJson.TryParse(body, out var document, out _))
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            if (Text(root, "errorCode") is { } code)
            {
                error = FromCode(code, Text(root, "errorMessage") ?? "", Text(root, "requestId"), httpStatus);
                return true;
            }

            if (root.TryGetProperty("fault", out var fault) && fault.ValueKind == JsonValueKind.Object)
            {
                var faultCode = fault.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object
                    ? Text(detail, "errorcode")
                    : null;
                error = FromFault(faultCode ?? "fault", Text(fault, "faultstring") ?? "", httpStatus);
                return true;
            }

            if (root.TryGetProperty("Envelope", out var envelope) && envelope.ValueKind == JsonValueKind.Object
                && envelope.TryGetProperty("Body", out var soapBody) && soapBody.ValueKind == JsonValueKind.Object
                && soapBody.TryGetProperty("Fault", out var soapFault) && soapFault.ValueKind == JsonValueKind.Object)
            {
                error = FromFault(Text(soapFault, "faultcode") ?? "fault", Text(soapFault, "faultstring") ?? "", httpStatus);
                return true;
            }
        }

        return false;
    }

    public static bool IsInvalidToken(GatewayError error) =>
        InvalidTokenCodes.Contains(error.Code) || (error.HttpStatus == 401 && error.Code.StartsWith("http_", StringComparison.Ordinal));

    public static GatewayError FromCode(string code, string message, string? requestId, int? httpStatus)
    {
        var (kind, retryable) = code switch
        {
            "500.003.02" => (GatewayErrorKind.RateLimited, true), // spike arrest, or "system is busy"
            "500.003.03" => (GatewayErrorKind.RateLimited, true), // quota violation
            "500.003.1001" => (GatewayErrorKind.ProviderUnavailable, true),
            "00.002.1001" => (GatewayErrorKind.ProviderUnavailable, true), // under maintenance
            "400.008.01" or "400.008.02" or "401.003.01" => (GatewayErrorKind.InvalidCredentials, false),
            "500.001.1001" when message.Contains("credentials", StringComparison.OrdinalIgnoreCase)
                || message.Contains("Merchant does not exist", StringComparison.OrdinalIgnoreCase) => (GatewayErrorKind.InvalidCredentials, false),
            "500.001.1001" when message.Contains("lock subscriber", StringComparison.OrdinalIgnoreCase) => (GatewayErrorKind.ProviderRejected, true),
            _ when InvalidTokenCodes.Contains(code) => (GatewayErrorKind.InvalidCredentials, false),
            _ when code.StartsWith("400.", StringComparison.Ordinal) || code == "500.002.1001" => (GatewayErrorKind.InvalidRequest, false),
            _ => (GatewayErrorKind.ProviderRejected, false),
        };
        return new GatewayError(kind, code, message, requestId, retryable, httpStatus);
    }

    private static GatewayError FromFault(string code, string message, int httpStatus)
    {
        var (kind, retryable) = code switch
        {
            _ when code.Contains("SpikeArrest", StringComparison.OrdinalIgnoreCase)
                || code.Contains("Quota", StringComparison.OrdinalIgnoreCase) => (GatewayErrorKind.RateLimited, true),
            _ when code.Contains("access_token", StringComparison.OrdinalIgnoreCase)
                || code.Contains("InvalidApiKey", StringComparison.OrdinalIgnoreCase)
                || code.Contains("oauth", StringComparison.OrdinalIgnoreCase) => (GatewayErrorKind.InvalidCredentials, false),
            _ when httpStatus >= 500 => (GatewayErrorKind.ProviderUnavailable, true),
            _ => (GatewayErrorKind.ProviderRejected, false),
        };
        return new GatewayError(kind, code, message, null, retryable, httpStatus);
    }

    private static GatewayError FromStatus(int httpStatus)
    {
        var (kind, retryable) = httpStatus switch
        {
            429 => (GatewayErrorKind.RateLimited, true),
            401 or 403 => (GatewayErrorKind.InvalidCredentials, false),
            >= 500 => (GatewayErrorKind.ProviderUnavailable, true),
            _ => (GatewayErrorKind.ProviderRejected, false),
        };
        return new GatewayError(kind, $"http_{httpStatus}", $"Daraja answered HTTP {httpStatus} without a readable error.", null, retryable, httpStatus);
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
