using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Hotspot.Api.Admin;

/// <summary>
/// The built dashboard (Hotspot.Dashboard's Vite output), copied beside the binaries into <c>admin/</c> by the build.
/// <c>Dashboard:Path</c> names another folder. Missing when the machine that built the API had no Node.js.
/// </summary>
public sealed class AdminDashboardFiles
{
    public const string FolderName = "admin";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly PhysicalFileProvider? _files;

    public AdminDashboardFiles(IConfiguration configuration)
    {
        var configured = configuration["Dashboard:Path"];
        Root = string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, FolderName) : Path.GetFullPath(configured);
        if (File.Exists(Path.Combine(Root, "index.html")))
            _files = new PhysicalFileProvider(Root);
    }

    public string Root { get; }

    public bool IsBuilt => _files is not null;

    /// <summary>A file of the build by its path under /admin/, or null; the provider refuses <c>..</c> and absolute paths.</summary>
    public IFileInfo? Find(string relativePath)
    {
        if (_files is null || relativePath.Length == 0)
            return null;
        var file = _files.GetFileInfo(relativePath);
        return file.Exists && !file.IsDirectory ? file : null;
    }

    public IFileInfo? Index => Find("index.html");

    public static string ContentType(string name) =>
        ContentTypes.TryGetContentType(name, out var type) ? type : "application/octet-stream";
}
