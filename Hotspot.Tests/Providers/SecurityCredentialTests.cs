using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Hotspot.Providers.Daraja;

namespace Hotspot.Tests.Providers;

public class SecurityCredentialTests
{
    /// <summary>A made-up Safaricom-like certificate, created in memory for the test.</summary>
    public static X509Certificate2 SelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Test Daraja Initiator", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    [Test]
    public void Encrypts_the_initiator_password_with_pkcs1_v15()
    {
        using var certificate = SelfSignedCertificate();
        using var publicOnly = X509Certificate2.CreateFromPem(certificate.ExportCertificatePem());
        var credential = SecurityCredential.Encrypt("Made-up#Pass1", publicOnly);

        using var rsa = certificate.GetRSAPrivateKey()!;
        var cipher = Convert.FromBase64String(credential);
        Assert.That(cipher, Has.Length.EqualTo(256));
        Assert.That(Encoding.UTF8.GetString(rsa.Decrypt(cipher, RSAEncryptionPadding.Pkcs1)), Is.EqualTo("Made-up#Pass1"));
        Assert.Throws(Is.InstanceOf<CryptographicException>(), () => rsa.Decrypt(cipher, RSAEncryptionPadding.OaepSHA256));
    }

    [Test]
    public void Credentials_never_print_secrets()
    {
        var credentials = new DarajaCredentials
        {
            ConsumerKey = "ck-visible-nowhere",
            ConsumerSecret = "cs-visible-nowhere",
            ShortCode = "174379",
            PassKey = "pk-visible-nowhere",
            InitiatorName = "api",
            InitiatorPassword = "ip-visible-nowhere",
        };
        Assert.That(credentials.ToString(), Does.Not.Contain("visible-nowhere"));
        Assert.That(credentials.ToString(), Does.Contain("174379"));
    }
}
