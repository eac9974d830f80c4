using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Hotspot.Providers.Daraja;

/// <summary>
/// The <c>SecurityCredential</c> of initiator APIs: the initiator password encrypted with Safaricom's public
/// certificate, RSA with PKCS#1 v1.5 padding (not OAEP), base64.
/// </summary>
public static class SecurityCredential
{
    public static string Encrypt(string initiatorPassword, X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey()
            ?? throw new InvalidOperationException("The Daraja certificate holds no RSA public key.");
        return Convert.ToBase64String(rsa.Encrypt(Encoding.UTF8.GetBytes(initiatorPassword), RSAEncryptionPadding.Pkcs1));
    }
}
