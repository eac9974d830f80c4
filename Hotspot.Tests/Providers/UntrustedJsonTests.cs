using System.Text;
using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Common;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.KopoKopo;

namespace Hotspot.Tests.Providers;

/// <summary>
/// <see cref="UntrustedJson"/> refuses what would make a later read throw, and every callback parser answers such a
/// body with an error result, never an exception.
/// </summary>
public class UntrustedJsonTests
{
    private static readonly string[] Undecodable =
    [
        """{"\ud800topic":"x"}""", """{"topic":"\ud800"}""", """{"topic":"\udc00"}""", """{"a":["\ud83d\u0041"]}""", """{"a":{"b":"x\ud83d"}}""",
    ];

    [TestCaseSource(nameof(Undecodable))]
    public void An_unpaired_surrogate_escape_is_refused(string body)
    {
        Assert.That(UntrustedJson.TryParse(Encoding.UTF8.GetBytes(body), out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain("surrogate"));
    }

    [Test]
    public void A_paired_surrogate_escape_is_text()
    {
        Assert.That(UntrustedJson.TryParse("""{"\ud83d\ude00":"\ud83d\ude00"}"""u8, out var document, out _), Is.True);
        using (document)
            Assert.That(document!.RootElement.GetProperty("😀").GetString(), Is.EqualTo("😀"));
    }

    [TestCase("""{"reference":"R\u0000"}""", "NUL")]
    [TestCase("", "empty")]
    [TestCase("{", "not valid JSON")]
    [TestCase("""{"a":1}{"b":2}""", "not valid JSON")]
    public void Other_unusable_bodies_are_named(string body, string problemPart)
    {
        Assert.That(UntrustedJson.TryParse(Encoding.UTF8.GetBytes(body), out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain(problemPart));
    }

    [Test]
    public void Invalid_utf8_is_refused()
    {
        Assert.That(UntrustedJson.TryParse([.. "{\"a\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8], out _, out var problem), Is.False);
        Assert.That(problem, Does.Contain("UTF-8"));
    }

    [Test]
    public void Depth_is_limited_and_told_apart_from_bad_syntax()
    {
        Assert.That(UntrustedJson.TryParse(Encoding.UTF8.GetBytes(new string('[', 16) + new string(']', 16)), out _, out _, maxDepth: 16), Is.True);
        Assert.That(UntrustedJson.TryParse(Encoding.UTF8.GetBytes(new string('[', 17) + new string(']', 17)), out _, out var problem, maxDepth: 16), Is.False);
        Assert.That(problem, Does.Contain("deeper than 16"));
    }

    private static readonly Func<byte[], GatewayError?>[] Parsers =
    [
        body => StkCallbackParser.Parse(body).Error,
        body => C2BNotificationParser.Parse(body).Error,
        body => DarajaResultParser.Parse(body).Error,
        body => KopoKopoWebhookParser.Parse(body).Error,
        body => KopoKopoResultParser.Parse(body).Error,
        body => new KopoKopoPaymentGateway(null!).VerifyCallback(
            new KopoKopoCredentials { ClientId = "c", ClientSecret = "s", ApiKey = "k", TillNumber = "K1" },
            new PaymentCallback(body, new Dictionary<string, string> { ["X-KopoKopo-Signature"] = KopoKopoSignature.Compute("k", body) })).Error,
    ];

    [Test]
    public void Every_callback_parser_answers_undecodable_bodies_with_an_error([ValueSource(nameof(Undecodable))] string body)
    {
        foreach (var parse in Parsers)
            Assert.That(parse(Encoding.UTF8.GetBytes(body))?.Kind, Is.EqualTo(GatewayErrorKind.InvalidCallback), body);
    }

    [Test]
    public void The_error_mappers_read_around_undecodable_bodies()
    {
        foreach (var body in Undecodable.Select(Encoding.UTF8.GetBytes))
        {
            Assert.DoesNotThrow(() => DarajaErrorMapper.Map(500, body));
            Assert.DoesNotThrow(() => KopoKopoErrorMapper.Map(400, body));
        }
    }

    [Test]
    public void A_daraja_timestamp_before_the_first_utc_instant_is_no_timestamp()
    {
        Assert.That(StkPassword.TryParseTimestamp("00010101000000", out _), Is.False);
        Assert.That(StkPassword.TryParseTimestamp("00010101030000", out var earliest), Is.True);
        Assert.That(earliest.UtcDateTime, Is.EqualTo(DateTime.MinValue));
    }

    [Test]
    public void Null_list_items_in_callbacks_are_errors_not_exceptions()
    {
        var stk = """{"Body":{"stkCallback":{"CheckoutRequestID":"c","ResultCode":0,"CallbackMetadata":{"Item":[null]}}}}"""u8.ToArray();
        var sendMoney = """{"data":{"id":"p","type":"send_money","attributes":{"status":"Processed","transfer_batches":[{"disbursements":[null]}]}}}"""u8.ToArray();
        var polling = """{"data":{"id":"p","type":"polling","attributes":{"transactions":[null]}}}"""u8.ToArray();

        Assert.That(StkCallbackParser.Parse(stk).Error?.Message, Does.Contain("null"));
        Assert.That(KopoKopoResultParser.Parse(sendMoney).Error?.Message, Does.Contain("null"));
        Assert.That(KopoKopoResultParser.Parse(polling).Error?.Message, Does.Contain("no resource"));
    }

    [Test]
    public void A_parsed_document_reads_without_throwing()
    {
        Assert.That(UntrustedJson.TryParse("""{"a":"\u00e9\ud83d\ude00","b":[1,{"c":null}]}"""u8, out var document, out _), Is.True);
        using (document)
        {
            foreach (var property in document!.RootElement.EnumerateObject())
                Assert.DoesNotThrow(() => _ = property.Name + property.Value.GetRawText());
            Assert.That(document.RootElement.GetProperty("a").ValueKind, Is.EqualTo(JsonValueKind.String));
        }
    }
}
