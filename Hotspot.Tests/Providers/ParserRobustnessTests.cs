using System.Text;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.KopoKopo;

namespace Hotspot.Tests.Providers;

/// <summary>Malformed input gives errors, never exceptions: every parser on thousands of mutated fixtures.</summary>
public class ParserRobustnessTests
{
    private static readonly Func<byte[], bool>[] Parsers =
    [
        body => StkCallbackParser.Parse(body).IsSuccess,
        body => C2BNotificationParser.Parse(body).IsSuccess,
        body => DarajaResultParser.Parse(body).IsSuccess,
        body => DarajaErrorMapper.Map(500, body) is not null,
        body => KopoKopoWebhookParser.Parse(body).IsSuccess,
        body => KopoKopoResultParser.Parse(body).IsSuccess,
        body => KopoKopoErrorMapper.Map(400, body) is not null,
        body => new KopoKopoPaymentGateway(null!).VerifyCallback(
            new KopoKopoCredentials { ClientId = "c", ClientSecret = "s", ApiKey = "k", TillNumber = "K1" },
            new PaymentCallback(body, new Dictionary<string, string> { ["X-KopoKopo-Signature"] = KopoKopoSignature.Compute("k", body) })).IsSuccess,
    ];

    private static readonly string[] Replacements = ["null", "{}", "[]", "\"\"", "1.5", "-1", "true", "\"x\"", "99999999999999999999999", "[{}]", "{\"a\":[]}"];

    [Test]
    public void Mutated_fixtures_never_throw()
    {
        var random = new Random(20261123);
        var files = Directory.GetFiles(SharedFolder.Path("fixtures", "daraja"), "*.json")
            .Concat(Directory.GetFiles(SharedFolder.Path("fixtures", "kopokopo"), "*.json"))
            .Where(f => !f.EndsWith("signature_test_vectors.json", StringComparison.Ordinal))
            .ToList();
        var runs = 0;
        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            foreach (var parse in Parsers)
            {
                Assert.DoesNotThrow(() => parse(original), file);
            }

            for (var i = 0; i < 60; i++)
            {
                var mutated = Mutate(original, random);
                foreach (var parse in Parsers)
                {
                    try
                    {
                        parse(mutated);
                        runs++;
                    }
                    catch (Exception exception)
                    {
                        Assert.Fail($"{Path.GetFileName(file)} mutated to {Encoding.UTF8.GetString(mutated)} threw {exception}");
                    }
                }
            }
        }

        Assert.That(runs, Is.GreaterThan(20_000));
    }

    /// <summary>Truncates, flips a byte, or swaps a JSON value for one of another type.</summary>
    private static byte[] Mutate(byte[] original, Random random)
    {
        var text = Encoding.UTF8.GetString(original);
        switch (random.Next(3))
        {
            case 0:
                return original[..random.Next(original.Length)];
            case 1:
            {
                var copy = (byte[])original.Clone();
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
                return copy;
            }
            default:
            {
                // Replace the value after a random colon with a value of another type.
                var colons = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').ToList();
                if (colons.Count == 0)
                {
                    return original;
                }

                var start = colons[random.Next(colons.Count)] + 1;
                var end = start;
                var depth = 0;
                var inString = false;
                while (end < text.Length)
                {
                    var c = text[end];
                    if (inString)
                    {
                        if (c == '\\') end++;
                        else if (c == '"') inString = false;
                    }
                    else if (c == '"') inString = true;
                    else if (c is '{' or '[') depth++;
                    else if (c is '}' or ']')
                    {
                        if (depth == 0) break;
                        depth--;
                    }
                    else if (c == ',' && depth == 0) break;

                    end++;
                }

                return Encoding.UTF8.GetBytes(text[..start] + Replacements[random.Next(Replacements.Length)] + text[end..]);
            }
        }
    }
}
