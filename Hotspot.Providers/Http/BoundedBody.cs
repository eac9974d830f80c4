using Microsoft.AspNetCore.Http;

namespace Hotspot.Providers.Http;

/// <summary>
/// The one bounded read of a request body: every route that reads a body itself (portal, callbacks, RADIUS,
/// simulators) stops at a limit instead of buffering whatever a client sends.
/// </summary>
public static class BoundedBody
{
    /// <summary>
    /// The whole body, or null when it is longer than <paramref name="maxBytes"/> (refused from Content-Length before
    /// reading when the client declares it, otherwise as soon as the limit is passed).
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
                return null;
        }
        return buffer.ToArray();
    }
}
