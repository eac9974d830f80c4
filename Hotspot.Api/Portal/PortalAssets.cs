using System.IO.Compression;
using System.Security.Cryptography;

namespace Hotspot.Api.Portal;

/// <summary>
/// The portal's files, embedded in the assembly and read once. CSS and JS carry a content hash in their URL so
/// phones cache them for a year and fetch them again only when they change; gzip is prepared once for slow links.
/// </summary>
public sealed class PortalAssets
{
    public const string AssetsPath = "/portal/assets";

    private readonly Dictionary<string, StaticAsset> _assets;

    public PortalAssets()
    {
        PageTemplate = Read("portal.html");
        NotFoundTemplate = Read("not-found.html");
        _assets = new Dictionary<string, StaticAsset>(StringComparer.Ordinal)
        {
            ["portal.css"] = StaticAsset.Create(Read("portal.css"), "text/css; charset=utf-8"),
            ["portal.js"] = StaticAsset.Create(Read("portal.js"), "text/javascript; charset=utf-8"),
        };
    }

    public string PageTemplate { get; }
    public string NotFoundTemplate { get; }

    public string CssUrl => UrlOf("portal.css");
    public string JsUrl => UrlOf("portal.js");

    public StaticAsset? Find(string name) => _assets.GetValueOrDefault(name);

    private string UrlOf(string name) => $"{AssetsPath}/{name}?v={_assets[name].Version}";

    private static string Read(string name)
    {
        using var stream = typeof(PortalAssets).Assembly.GetManifestResourceStream("Portal/" + name)
            ?? throw new InvalidOperationException($"The portal file {name} is not embedded in Hotspot.Api.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>One CSS or JS file: its bytes, gzipped bytes and content version.</summary>
    public sealed record StaticAsset(byte[] Content, byte[] Gzipped, string ContentType, string Version)
    {
        public static StaticAsset Create(string text, string contentType)
        {
            var content = System.Text.Encoding.UTF8.GetBytes(text);
            using var gzipped = new MemoryStream();
            using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true))
                gzip.Write(content);
            var version = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
            return new StaticAsset(content, gzipped.ToArray(), contentType, version);
        }
    }
}
