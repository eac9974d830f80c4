using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Hotspot.Api.Payments;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Providers.Extensions;
using Hotspot.Providers.KopoKopo;
using Hotspot.Providers.KopoKopo.Simulator;
using Microsoft.AspNetCore.Hosting.Server;

namespace Hotspot.Api.Sandbox;

/// <summary>
/// Runs the provider simulators inside the API at <c>/sandbox/daraja</c> and <c>/sandbox/kopokopo</c> and points
/// the Sandbox environment of both providers at them, so a purchase works offline with no set-up. Production
/// URLs are untouched.
/// </summary>
public static class SandboxSimulators
{
    public const string DarajaPrefix = "/sandbox/daraja";
    public const string KopoKopoPrefix = "/sandbox/kopokopo";

    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetSection(SandboxOptions.SectionName).GetValue<bool?>(nameof(SandboxOptions.Enabled))
        ?? environment.IsDevelopment();

    public static void Add(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SandboxOptions.SectionName);
        var settings = section.Get<SandboxOptions>() ?? new SandboxOptions();
        builder.Services.AddDarajaSimulator(o => section.GetSection(nameof(SandboxOptions.Delays)).Bind(o.Delays));
        builder.Services.AddKopoKopoSimulator(o => section.GetSection(nameof(SandboxOptions.Delays)).Bind(o.Delays));
        builder.Services.AddOptions<DarajaOptions>().PostConfigure<IServer>((o, server) =>
        {
            o.SandboxBaseUrl = BaseUrl(settings, server) + DarajaPrefix;
            // B2C refunds encrypt the initiator password with a certificate; the simulator accepts any credential,
            // so a throwaway key lets refunds work offline when no sandbox certificate is configured.
            if (string.IsNullOrWhiteSpace(o.SandboxCertificatePem) && string.IsNullOrWhiteSpace(o.SandboxCertificatePath))
                o.SandboxCertificatePem = ThrowawayCertificatePem.Value;
        });
        builder.Services.AddOptions<KopoKopoOptions>().PostConfigure<IServer>((o, server) => o.SandboxBaseUrl = BaseUrl(settings, server) + KopoKopoPrefix);
    }

    public static void Map(WebApplication app)
    {
        app.MapDarajaSimulator(DarajaPrefix).WithTags("Sandbox").ExcludeFromDescription();
        app.MapKopoKopoSimulator(KopoKopoPrefix).WithTags("Sandbox").ExcludeFromDescription();
    }

    private static readonly Lazy<string> ThrowawayCertificatePem = new(() =>
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Hotspot sandbox initiator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(10));
        return certificate.ExportCertificatePem();
    });

    private static string BaseUrl(SandboxOptions settings, IServer server) =>
        (string.IsNullOrWhiteSpace(settings.BaseUrl) ? SelfUrl.Of(server) : settings.BaseUrl.TrimEnd('/'))
        ?? throw new InvalidOperationException("Set Sandbox:BaseUrl: the server reports no address the simulators can be reached on.");
}
