namespace Hotspot.GraphQL.Http;

/// <summary>
/// The browser explorer served at GET on the GraphQL endpoint when the client prefers <c>text/html</c>. It is a
/// single self-written HTML file embedded in the assembly: no CDN and nothing fetched from elsewhere at run time.
/// </summary>
public static class ExplorerPage
{
    private const string ResourceName = "Hotspot.GraphQL.Http.explorer.html";

    private static readonly Lazy<byte[]> Content = new(() =>
    {
        using var stream = typeof(ExplorerPage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    /// <summary>The page's UTF-8 bytes.</summary>
    public static ReadOnlyMemory<byte> Html => Content.Value;
}
