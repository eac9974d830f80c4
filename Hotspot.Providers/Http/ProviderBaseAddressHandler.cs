namespace Hotspot.Providers.Http;

/// <summary>
/// Sends a Refit call to the base address of the organization's environment. The Refit interfaces declare routes
/// relative to a provider's root, and each call carries its base address as a <c>[Property]</c> under
/// <see cref="BaseAddressKey"/>.
/// </summary>
/// <remarks>
/// Why not one client with a fixed <see cref="HttpClient.BaseAddress"/>: the base differs per call (each
/// organization chooses sandbox or production), and the built-in simulators' address is known only once the server
/// listens, after the clients may already have been created. So the facade reads the base from the options at call
/// time, as it always did, and this handler resolves the route against it. The client's own base address is
/// <see cref="Unresolved"/>, a reserved name that never resolves: a call that missed this handler fails instead of
/// going anywhere.
/// </remarks>
public sealed class ProviderBaseAddressHandler : DelegatingHandler
{
    /// <summary>The <c>[Property]</c> key of a call's base address.</summary>
    public const string BaseAddressKey = "Hotspot.ProviderBaseAddress";

    /// <summary>The Refit clients' own base address; see the remarks.</summary>
    public static readonly Uri Unresolved = new("http://provider-base-address.invalid/");

    private static readonly HttpRequestOptionsKey<Uri> BaseAddressOption = new(BaseAddressKey);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(BaseAddressOption, out var baseAddress))
        {
            request.RequestUri = Resolve(baseAddress, request.RequestUri!);
        }
        else if (request.RequestUri is { } uri && Uri.Compare(uri, Unresolved, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            throw new InvalidOperationException($"The Refit call {uri.AbsolutePath} carries no base address ([Property(\"{BaseAddressKey}\")]).");
        }

        // Anything else already has its full address, e.g. a Kopo Kopo Location passed through [Url].
        return base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// The route under <paramref name="baseAddress"/>, keeping the base's path (the simulators live under
    /// <c>/sandbox/daraja</c>, for instance).
    /// </summary>
    internal static Uri Resolve(Uri baseAddress, Uri requestUri)
    {
        var root = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        var route = requestUri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped).TrimStart('/');
        return new Uri(root, route);
    }
}
