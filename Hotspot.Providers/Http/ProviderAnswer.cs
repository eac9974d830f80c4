using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;
using Refit;

namespace Hotspot.Providers.Http;

/// <summary>A provider's whole answer to one call: what the facades' error mapping reads.</summary>
/// <param name="Location">The <c>Location</c> header, made absolute; Kopo Kopo names its results by it.</param>
internal sealed record ProviderAnswer(int Status, byte[] Body, Uri? Location)
{
    /// <summary>
    /// Makes one Refit call and reads its answer to the end. Failing before an answer (network error, the client's
    /// timeout) is <see cref="GatewayErrors.Unreachable"/>; the caller decides whether that means "outcome unknown".
    /// A cancellation the caller asked for is not caught.
    /// </summary>
    public static async Task<GatewayResult<ProviderAnswer>> ReceiveAsync(
        string provider, Func<Task<HttpResponseMessage>> call, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await call();
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return GatewayResult<ProviderAnswer>.Success(new ProviderAnswer((int)response.StatusCode, body, AbsoluteLocation(response)));
        }
        catch (ApiRequestException exception) when (exception.InnerException is HttpRequestException or IOException or TaskCanceledException)
        {
            // Refit wraps what HttpClient threw before any answer came; anything else it wraps is a defect and is thrown.
            return GatewayErrors.Unreachable(provider, exception.InnerException);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException
                                          || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The answer broke off while its body was read.
            return GatewayErrors.Unreachable(provider, exception);
        }
    }

    /// <summary>A relative <c>Location</c> is relative to the address the request went to (RFC 9110, 10.2.2).</summary>
    private static Uri? AbsoluteLocation(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: false } relative && response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } requested
            ? new Uri(requested, relative)
            : response.Headers.Location;
}
