using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.KopoKopo;

namespace Hotspot.Tests.Providers;

/// <summary>The simulators answer garbage with the providers' 4xx error shapes, never with a 500.</summary>
public class SimulatorRobustnessTests
{
    private static readonly string[] Bodies =
    [
        "", "null", "[]", "{}", "{", "\"text\"", "{\"a\":1}",
        """{"BusinessShortCode":{},"Amount":[],"PartyA":"","PhoneNumber":null,"CallBackURL":1,"Timestamp":true}""",
        """{"payment_channel":"M-PESA STK Push","till_number":"K","subscriber":{"phone_number":""},"amount":{"currency":"KES","value":{}},"_links":[]}""",
        """{"destinations":[{"type":"mobile_wallet","phone_number":{},"amount":"x"}],"currency":1}""",
        """{"destinations":[[]]}""",
        """{"event_type":"buygoods_transaction_received","url":"not a url","scope":"till"}""",
    ];

    [Test]
    public async Task Garbage_gets_client_errors_from_every_endpoint()
    {
        await using var host = await ProviderTestHost.StartAsync();
        var darajaToken = (await host.Daraja.GetAccessTokenAsync(new DarajaCredentials
        {
            ConsumerKey = "robust", ConsumerSecret = "made-up", ShortCode = "174379", PassKey = "x",
        }, CancellationToken.None)).Value.AccessToken;
        var kopoKopoToken = (await host.KopoKopo.GetAccessTokenAsync(new KopoKopoCredentials
        {
            ClientId = "robust", ClientSecret = "made-up", ApiKey = "made-up", TillNumber = "K1",
        }, CancellationToken.None)).Value.AccessToken;

        var endpoints = new (Uri Url, string Token)[]
        {
            (new Uri(host.Simulators.DarajaBaseUrl, "mpesa/stkpush/v1/processrequest"), darajaToken),
            (new Uri(host.Simulators.DarajaBaseUrl, "mpesa/stkpushquery/v1/query"), darajaToken),
            (new Uri(host.Simulators.DarajaBaseUrl, "mpesa/c2b/v1/registerurl"), darajaToken),
            (new Uri(host.Simulators.DarajaBaseUrl, "mpesa/c2b/v2/simulate"), darajaToken),
            (new Uri(host.Simulators.DarajaBaseUrl, "mpesa/b2c/v3/paymentrequest"), darajaToken),
            (new Uri(host.Simulators.DarajaBaseUrl, "mpesa/transactionstatus/v1/query"), darajaToken),
            (new Uri(host.Simulators.KopoKopoBaseUrl, "api/v1/webhook_subscriptions"), kopoKopoToken),
            (new Uri(host.Simulators.KopoKopoBaseUrl, "api/v1/incoming_payments"), kopoKopoToken),
            (new Uri(host.Simulators.KopoKopoBaseUrl, "api/v2/send_money"), kopoKopoToken),
            (new Uri(host.Simulators.KopoKopoBaseUrl, "oauth/token"), ""),
        };

        using var http = new HttpClient();
        foreach (var (url, token) in endpoints)
        {
            foreach (var body in Bodies)
            {
                foreach (var contentType in new[] { "application/json", "application/x-www-form-urlencoded" })
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, contentType) };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    using var response = await http.SendAsync(request);
                    var status = (int)response.StatusCode;
                    Assert.That(status, Is.InRange(400, 499), $"{url.AbsolutePath} with {contentType} {body}");
                    using var error = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
                    Assert.That(error.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object), $"{url.AbsolutePath} {body}");
                }
            }
        }
    }
}
