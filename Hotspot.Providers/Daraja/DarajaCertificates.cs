using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Hotspot.Domain.Payments;
using Microsoft.Extensions.Options;

namespace Hotspot.Providers.Daraja;

/// <summary>Loads (once) the Safaricom certificate configured for each environment.</summary>
public sealed class DarajaCertificates(IOptions<DarajaOptions> options)
{
    private readonly ConcurrentDictionary<PaymentEnvironment, X509Certificate2?> _loaded = new();

    public X509Certificate2? For(PaymentEnvironment environment) => _loaded.GetOrAdd(environment, Load);

    private X509Certificate2? Load(PaymentEnvironment environment)
    {
        var settings = options.Value;
        var (pem, path) = environment == PaymentEnvironment.Production
            ? (settings.ProductionCertificatePem, settings.ProductionCertificatePath)
            : (settings.SandboxCertificatePem, settings.SandboxCertificatePath);

        if (!string.IsNullOrWhiteSpace(pem))
        {
            return X509Certificate2.CreateFromPem(pem);
        }

        if (!string.IsNullOrWhiteSpace(path))
        {
            var bytes = File.ReadAllBytes(path);
            var text = System.Text.Encoding.ASCII.GetString(bytes);
            return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
                ? X509Certificate2.CreateFromPem(text)
                : X509CertificateLoader.LoadCertificate(bytes);
        }

        return null;
    }
}
