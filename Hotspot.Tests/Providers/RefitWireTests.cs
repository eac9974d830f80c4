using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Providers.Daraja.Wire;
using Hotspot.Providers.Extensions;
using Hotspot.Providers.Http;
using Hotspot.Providers.KopoKopo;
using Hotspot.Providers.KopoKopo.Simulator;
using Hotspot.Providers.KopoKopo.Wire;
using Hotspot.Providers.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Providers;

/// <summary>
/// What the Refit clients put on the wire, seen by a handler at the end of each client's pipeline: the organization's
/// base address with its path, tokens in the Authorization header, and bodies written by the generated JSON contexts.
/// </summary>
public class RefitWireTests
{
    private readonly ConcurrentQueue<SentRequest> _sent = new();
    private ProviderTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await ProviderTestHost.StartAsync(
        kopoKopo: options => options.Applications.Add(new KopoKopoSimulatorApplication { ClientId = "wire-client", ClientSecret = "wire-secret", ApiKey = "wire-api-key" }),
        services: services =>
        {
            services.AddHttpClient(Extensions.DarajaHttpClientName).AddHttpMessageHandler(() => new Recorder(_sent));
            services.AddHttpClient(Extensions.KopoKopoHttpClientName).AddHttpMessageHandler(() => new Recorder(_sent));
        });

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task A_daraja_stk_push_goes_to_the_base_address_with_a_bearer_token_and_the_context_json()
    {
        var credentials = new DarajaCredentials
        {
            ConsumerKey = "key-" + Guid.NewGuid().ToString("N"), ConsumerSecret = "made-up-secret",
            ShortCode = "174379", PassKey = DarajaSimulatorOptions.SandboxPassKey,
        };
        var result = await _host.Daraja.StkPushAsync(credentials,
            new StkPushCommand(SandboxScenarios.SuccessPhone, 10, "HOTSPOT1", "Wi-Fi", _host.InboxUrl("wire")), CancellationToken.None);
        Assert.That(result.IsSuccess, Is.True, result.Error?.ToString());

        var token = _sent.Last(r => r.Uri.AbsolutePath.EndsWith("/oauth/v1/generate", StringComparison.Ordinal));
        Assert.That(token.Uri.AbsoluteUri, Is.EqualTo(_host.Simulators.DarajaBaseUrl.AbsoluteUri + "oauth/v1/generate?grant_type=client_credentials"));
        Assert.That(token.Authorization, Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.ConsumerKey}:made-up-secret"))));

        var push = _sent.Last(r => r.Uri.AbsolutePath.EndsWith("/mpesa/stkpush/v1/processrequest", StringComparison.Ordinal));
        Assert.That(push.Uri.AbsoluteUri, Is.EqualTo(_host.Simulators.DarajaBaseUrl.AbsoluteUri + "mpesa/stkpush/v1/processrequest"));
        Assert.That(push.Authorization, Does.StartWith("Bearer "));
        Assert.That((push.ContentType, push.ContentLength), Is.EqualTo(("application/json", (long?)push.Body.Length)));
        using var json = JsonDocument.Parse(push.Body);
        Assert.That(json.RootElement.GetProperty("BusinessShortCode").GetInt64(), Is.EqualTo(174379), "Daraja's own field names, short codes as numbers");
        Assert.That(json.RootElement.GetProperty("CallBackURL").GetString(), Is.EqualTo(_host.InboxUrl("wire").AbsoluteUri));
    }

    [Test]
    public async Task A_kopokopo_token_is_requested_with_a_form_and_results_are_read_at_their_location()
    {
        var credentials = new KopoKopoCredentials { ClientId = "wire-client", ClientSecret = "wire-secret", ApiKey = "wire-api-key", TillNumber = "K514459" };
        var location = await _host.KopoKopo.RequestIncomingPaymentAsync(credentials,
            new IncomingPaymentCommand(SandboxScenarios.SuccessPhone, 10, _host.InboxUrl("wire-k2")), CancellationToken.None);
        Assert.That(location.IsSuccess, Is.True, location.Error?.ToString());

        var token = _sent.Last(r => r.Uri.AbsolutePath.EndsWith("/oauth/token", StringComparison.Ordinal));
        Assert.That(token.Uri.AbsoluteUri, Is.EqualTo(_host.Simulators.KopoKopoBaseUrl.AbsoluteUri + "oauth/token"));
        Assert.That((token.ContentType, Encoding.UTF8.GetString(token.Body)),
            Is.EqualTo(("application/x-www-form-urlencoded", "client_id=wire-client&client_secret=wire-secret&grant_type=client_credentials")));

        var payment = _sent.Last(r => r.Uri.AbsolutePath.EndsWith("/api/v1/incoming_payments", StringComparison.Ordinal));
        Assert.That(payment.Authorization, Does.StartWith("Bearer "));
        using var json = JsonDocument.Parse(payment.Body);
        Assert.That(json.RootElement.GetProperty("_links").GetProperty("callback_url").GetString(), Is.EqualTo(_host.InboxUrl("wire-k2").AbsoluteUri));

        var read = await _host.KopoKopo.GetIncomingPaymentAsync(credentials, location.Value, CancellationToken.None);
        Assert.That(read.IsSuccess, Is.True, read.Error?.ToString());
        Assert.That(_sent.Last().Uri, Is.EqualTo(location.Value));
    }

    [Test]
    public void Only_token_requests_queries_and_result_reads_are_marked_safe_to_retry()
    {
        static string[] SafeMethods(Type api) =>
            api.GetMethods().Where(m => m.IsDefined(typeof(SafeToRetryAttribute), false)).Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.That(SafeMethods(typeof(IDarajaApi)), Is.EqualTo(new[] { "GenerateTokenAsync", "QueryStkPushAsync", "TransactionStatusAsync" }));
        Assert.That(SafeMethods(typeof(IKopoKopoApi)), Is.EqualTo(new[] { "GetResultAsync", "RequestTokenAsync" }));
        // SafeRetryHandler finds a method by its name.
        Assert.That(typeof(IDarajaApi).GetMethods().Select(m => m.Name), Is.Unique);
        Assert.That(typeof(IKopoKopoApi).GetMethods().Select(m => m.Name), Is.Unique);
    }

    [Test]
    public void A_call_without_a_base_address_fails_instead_of_going_anywhere()
    {
        using var client = new HttpClient(new ProviderBaseAddressHandler { InnerHandler = new HttpClientHandler() })
        {
            BaseAddress = ProviderBaseAddressHandler.Unresolved,
        };
        Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync("oauth/v1/generate"));
    }

    [TestCase("http://127.0.0.1:5000/sandbox/daraja", "/mpesa/stkpush/v1/processrequest", "http://127.0.0.1:5000/sandbox/daraja/mpesa/stkpush/v1/processrequest")]
    [TestCase("https://api.safaricom.co.ke/", "/oauth/v1/generate?grant_type=client_credentials", "https://api.safaricom.co.ke/oauth/v1/generate?grant_type=client_credentials")]
    public void A_route_is_resolved_under_the_base_address_path(string baseAddress, string route, string expected) =>
        Assert.That(ProviderBaseAddressHandler.Resolve(new Uri(baseAddress), new Uri(ProviderBaseAddressHandler.Unresolved, route)).AbsoluteUri,
            Is.EqualTo(expected));

    private sealed record SentRequest(Uri Uri, string? Authorization, string? ContentType, long? ContentLength, byte[] Body);

    private sealed class Recorder(ConcurrentQueue<SentRequest> sent) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            sent.Enqueue(new SentRequest(request.RequestUri!, request.Headers.Authorization?.ToString(),
                request.Content?.Headers.ContentType?.MediaType, request.Content?.Headers.ContentLength, body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
