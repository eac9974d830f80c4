using System.Text;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Daraja;

namespace Hotspot.Tests.Providers;

public class DarajaErrorMapperTests
{
    private static GatewayError Map(int status, string body) => DarajaErrorMapper.Map(status, Encoding.UTF8.GetBytes(body));

    [Test]
    public void Spike_arrest_and_quota_are_retryable_rate_limits()
    {
        var spike = Map(500, """{"requestId":"r1","errorCode":"500.003.02","errorMessage":"Error Occurred: Spike Arrest Violation"}""");
        var quota = Map(500, """{"requestId":"r2","errorCode":"500.003.03","errorMessage":"Error Occurred - Quota Violation"}""");
        Assert.That((spike.Kind, spike.Retryable, spike.RequestId), Is.EqualTo((GatewayErrorKind.RateLimited, true, "r1")));
        Assert.That((quota.Kind, quota.Retryable), Is.EqualTo((GatewayErrorKind.RateLimited, true)));
    }

    [Test]
    public void Invalid_token_codes_of_every_product_are_recognised()
    {
        foreach (var code in new[] { "404.001.03", "400.003.01", "401.002.01" })
        {
            var error = Map(400, $$"""{"requestId":"r","errorCode":"{{code}}","errorMessage":"Invalid Access Token"}""");
            Assert.That(DarajaErrorMapper.IsInvalidToken(error), Is.True, code);
            Assert.That(error.Kind, Is.EqualTo(GatewayErrorKind.InvalidCredentials));
        }

        Assert.That(DarajaErrorMapper.IsInvalidToken(Map(401, """{"requestId":"r","errorCode":"401.003.01","errorMessage":"no apiproduct match found"}""")), Is.False);
    }

    [Test]
    public void Apigee_spike_arrest_fault_is_a_rate_limit()
    {
        var error = Map(429, """{"fault":{"faultstring":"Spike arrest violation. Allowed rate : 5ps","detail":{"errorcode":"policies.ratelimit.SpikeArrestViolation"}}}""");
        Assert.That((error.Kind, error.Retryable, error.Code), Is.EqualTo((GatewayErrorKind.RateLimited, true, "policies.ratelimit.SpikeArrestViolation")));
    }

    [Test]
    public void Soap_style_fault_is_read()
    {
        var error = Map(500, """{"Envelope":{"Body":{"Fault":{"faultcode":"soap:Server","faultstring":"Internal failure"}}}}""");
        Assert.That((error.Code, error.Message, error.Kind), Is.EqualTo(("soap:Server", "Internal failure", GatewayErrorKind.ProviderUnavailable)));
    }

    [Test]
    public void Html_gateway_pages_map_by_status_without_leaking_the_body()
    {
        var error = Map(503, "<html><body>Service Unavailable secret-ish</body></html>");
        Assert.That((error.Code, error.Kind, error.Retryable), Is.EqualTo(("http_503", GatewayErrorKind.ProviderUnavailable, true)));
        Assert.That(error.Message, Does.Not.Contain("secret"));
        Assert.That(Map(400, "").Kind, Is.EqualTo(GatewayErrorKind.ProviderRejected));
    }

    [Test]
    public void An_error_envelope_sent_with_http_200_is_found()
    {
        Assert.That(DarajaErrorMapper.TryReadError(Encoding.UTF8.GetBytes("""{"requestId":"r","errorCode":"400.002.02","errorMessage":"Bad Request - Invalid Amount"}"""), 200, out var error), Is.True);
        Assert.That(error.Kind, Is.EqualTo(GatewayErrorKind.InvalidRequest));
        Assert.That(DarajaErrorMapper.TryReadError(Encoding.UTF8.GetBytes("""{"ResponseCode":"0"}"""), 200, out _), Is.False);
    }

    [Test]
    public void Locked_subscriber_is_retryable_but_wrong_credentials_are_not()
    {
        Assert.That(Map(500, """{"requestId":"r","errorCode":"500.001.1001","errorMessage":"Unable to lock subscriber, a transaction is already in process for the current subscriber"}""").Retryable, Is.True);
        var merchant = Map(500, """{"requestId":"r","errorCode":"500.001.1001","errorMessage":"Merchant does not exist"}""");
        Assert.That((merchant.Kind, merchant.Retryable), Is.EqualTo((GatewayErrorKind.InvalidCredentials, false)));
    }
}
