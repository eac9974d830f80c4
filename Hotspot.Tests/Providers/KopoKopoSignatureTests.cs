using System.Text;
using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.KopoKopo;

namespace Hotspot.Tests.Providers;

/// <summary>The 13 published signature vectors verify; one changed byte of body or signature breaks each.</summary>
public class KopoKopoSignatureTests
{
    private static List<(string Name, string ApiKey, byte[] Body, string Signature)> Vectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(SharedFolder.Path("fixtures", "kopokopo", "signature_test_vectors.json")));
        var vectors = new List<(string, string, byte[], string)>();
        foreach (var sdk in new[] { "node_sdk", "ruby_sdk" })
        {
            var section = document.RootElement.GetProperty(sdk);
            var apiKey = section.GetProperty("api_key").GetString()!;
            foreach (var vector in section.GetProperty("cases").EnumerateArray())
            {
                vectors.Add((vector.GetProperty("name").GetString()!, apiKey,
                    Encoding.UTF8.GetBytes(vector.GetProperty("raw_body").GetString()!), vector.GetProperty("x_kopokopo_signature").GetString()!));
            }
        }

        return vectors;
    }

    [Test]
    public void All_thirteen_vectors_verify_and_one_changed_byte_fails()
    {
        var vectors = Vectors();
        Assert.That(vectors, Has.Count.EqualTo(13));
        Assert.Multiple(() =>
        {
            foreach (var (name, apiKey, body, signature) in vectors)
            {
                Assert.That(KopoKopoSignature.Verify(apiKey, body, signature), Is.True, name);
                Assert.That(KopoKopoSignature.Compute(apiKey, body), Is.EqualTo(signature), name);

                var acceptedBodies = 0;
                for (var i = 0; i < body.Length; i++)
                {
                    var tampered = (byte[])body.Clone();
                    tampered[i] ^= 0x01;
                    acceptedBodies += KopoKopoSignature.Verify(apiKey, tampered, signature) ? 1 : 0;
                }

                var acceptedSignatures = 0;
                for (var i = 0; i < signature.Length; i++)
                {
                    var chars = signature.ToCharArray();
                    chars[i] = chars[i] == '0' ? '1' : '0';
                    acceptedSignatures += KopoKopoSignature.Verify(apiKey, body, new string(chars)) ? 1 : 0;
                }

                Assert.That(acceptedBodies, Is.Zero, $"{name}: bodies with one changed byte that still verified");
                Assert.That(acceptedSignatures, Is.Zero, $"{name}: signatures with one changed character that still verified");
                Assert.That(KopoKopoSignature.Verify(apiKey + "x", body, signature), Is.False, $"{name}: wrong key");
            }
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not-hex")]
    [TestCase("9a49d83776f71c6a")]
    public void Missing_or_malformed_signatures_fail(string? signature) =>
        Assert.That(KopoKopoSignature.Verify("key", "{}"u8, signature), Is.False);

    [Test]
    public void Gateway_verifies_and_reads_every_signed_vector_body()
    {
        var gateway = new KopoKopoPaymentGateway(null!);
        foreach (var (name, apiKey, body, signature) in Vectors().Where(v => v.Name != "hello"))
        {
            var credentials = new KopoKopoCredentials { ClientId = "c", ClientSecret = "s", ApiKey = apiKey, TillNumber = "K000000" };
            var callback = new PaymentCallback(body, new Dictionary<string, string> { ["x-kopokopo-signature"] = signature });
            var result = gateway.VerifyCallback(credentials, callback);
            Assert.That(result.IsSuccess || result.Error!.Kind == GatewayErrorKind.NotSupported, Is.True, $"{name}: {result.Error}");

            var forged = gateway.VerifyCallback(credentials with { ApiKey = "made-up-other-key" }, callback);
            Assert.That(forged.Error?.Kind, Is.EqualTo(GatewayErrorKind.InvalidCallback), name);
        }
    }

    [Test]
    public void Gateway_reads_a_verified_incoming_payment_result()
    {
        var vector = Vectors().Single(v => v.Name == "stksuccessresult");
        var credentials = new KopoKopoCredentials { ClientId = "c", ClientSecret = "s", ApiKey = vector.ApiKey, TillNumber = "K514459" };
        var notification = new KopoKopoPaymentGateway(null!).VerifyCallback(credentials,
            new PaymentCallback(vector.Body, new Dictionary<string, string> { ["X-KopoKopo-Signature"] = vector.Signature })).Value;
        Assert.That(notification.ProviderRequestId, Is.EqualTo("a652f86f-f2aa-4d70-baa2-ccfe4b78f4fc"));
        Assert.That((notification.Status.State, notification.Status.Receipt, notification.Status.AmountShillings, notification.Status.PhoneNumber),
            Is.EqualTo((PaymentState.Succeeded, "OJJ1MPU40Z", 100L, "254999999999")));
    }
}
