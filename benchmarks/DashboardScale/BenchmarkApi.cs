using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace DashboardScale;

/// <summary>The real API (Program) on Kestrel at a free loopback port, on the benchmark's PostgreSQL database.</summary>
internal sealed class BenchmarkApi : WebApplicationFactory<Program>
{
    public const string AdminEmail = "bench-admin@scale.test";
    public const string AdminPassword = "bench-password-not-secret";
    private readonly string _connectionString;
    private readonly string _encryptionKey;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "hotspot-dashboard-scale-" + Guid.NewGuid().ToString("N"));

    public BenchmarkApi(string connectionString, string encryptionKey)
    {
        _connectionString = connectionString;
        _encryptionKey = encryptionKey;
        UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:Hotspot", _connectionString);
        builder.UseSetting("HOTSPOT_DATA_DIR", _dataDirectory);
        builder.UseSetting("HOTSPOT_ENCRYPTION_KEY", _encryptionKey);
        builder.UseSetting("HOTSPOT_AUTH_TOKEN_KEY", Convert.ToBase64String(new byte[32]));
        builder.UseSetting("HOTSPOT_BOOTSTRAP_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (DirectoryNotFoundException) { }
    }
}
