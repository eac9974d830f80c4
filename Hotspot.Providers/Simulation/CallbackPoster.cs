using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Hotspot.Providers.Simulation;

/// <summary>Posts simulated callbacks and webhooks. Like Daraja, it does not retry a failed delivery.</summary>
public sealed class CallbackPoster(IHttpClientFactory httpClientFactory, ILogger<CallbackPoster> logger)
{
    public const string HttpClientName = "Hotspot.Providers.Simulation";

    /// <summary>Returns the response body, or null when the delivery failed.</summary>
    public async Task<byte[]?> PostAsync(Uri url, byte[] body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, cancellationToken);
            logger.LogInformation("Simulator callback to {Host} answered {Status}", url.Host, (int)response.StatusCode);
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("Simulator callback to {Host} failed: {Error}", url.Host, exception.GetType().Name);
            return null;
        }
    }
}
