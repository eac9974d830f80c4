using Hotspot.Domain.Payments;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Extensions;
using Hotspot.Providers.KopoKopo;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Providers;

/// <summary>
/// A provider that drops the connection after reading the request: safe calls are retried, payments are sent
/// once and reported as "outcome unknown" (the provider may have acted on them).
/// </summary>
public class LostAnswerTests
{
    private WebApplication _provider = null!;
    private ServiceProvider _services = null!;
    private int _pushes;
    private int _queries;
    private int _incomingPayments;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _provider = builder.Build();
        _provider.MapGet("/daraja/oauth/v1/generate", () => Results.Content("""{"access_token":"made-up","expires_in":"3599"}""", "application/json"));
        _provider.MapPost("/daraja/mpesa/stkpush/v1/processrequest", (HttpContext context) => Drop(context, ref _pushes));
        _provider.MapPost("/daraja/mpesa/stkpushquery/v1/query", (HttpContext context) => Drop(context, ref _queries));
        _provider.MapPost("/k2/oauth/token", () => Results.Content("""{"access_token":"made-up","token_type":"Bearer","expires_in":3600,"created_at":"2021-04-06T13:52:40+03:00"}""", "application/json"));
        _provider.MapPost("/k2/api/v1/incoming_payments", (HttpContext context) => Drop(context, ref _incomingPayments));
        await _provider.StartAsync();
        var address = _provider.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<IProviderTokenStore>(new InMemoryProviderTokenStore());
        collection.AddPaymentProviders(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Daraja:SandboxBaseUrl"] = address + "/daraja/",
            ["Providers:KopoKopo:SandboxBaseUrl"] = address + "/k2/",
            ["Providers:Retry:BaseDelay"] = "00:00:00.001",
            ["Providers:Retry:MaxRetryAttempts"] = "3",
        }).Build());
        _services = collection.BuildServiceProvider();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _services.DisposeAsync();
        await _provider.StopAsync();
        await _provider.DisposeAsync();
    }

    private static IResult Drop(HttpContext context, ref int counter)
    {
        Interlocked.Increment(ref counter);
        context.Abort();
        return Results.Empty;
    }

    private static readonly DarajaCredentials Daraja = new()
    {
        ConsumerKey = "made-up", ConsumerSecret = "made-up", ShortCode = "174379", PassKey = "made-up",
    };

    [Test]
    public async Task An_stk_push_whose_answer_is_lost_is_sent_once_and_reported_as_unknown()
    {
        var client = _services.GetRequiredService<DarajaClient>();
        var before = _pushes;
        var result = await client.StkPushAsync(Daraja, new StkPushCommand("254708374149", 10, "REF", "Wi-Fi", new Uri("https://example.com/cb")), CancellationToken.None);
        Assert.That((result.Error?.Code, result.Error?.Retryable, result.Error?.Kind), Is.EqualTo(("outcome_unknown", false, GatewayErrorKind.ProviderUnavailable)));
        Assert.That(_pushes - before, Is.EqualTo(1));
    }

    [Test]
    public async Task A_query_whose_answer_is_lost_is_retried()
    {
        var client = _services.GetRequiredService<DarajaClient>();
        var before = _queries;
        var result = await client.QueryStkPushAsync(Daraja, "ws_CO_1", CancellationToken.None);
        Assert.That((result.Error?.Code, result.Error?.Retryable), Is.EqualTo(("unreachable", true)));
        Assert.That(_queries - before, Is.EqualTo(4), "one try and three retries");
    }

    [Test]
    public async Task A_kopokopo_payment_request_whose_answer_is_lost_is_sent_once()
    {
        var client = _services.GetRequiredService<KopoKopoClient>();
        var before = _incomingPayments;
        var result = await client.RequestIncomingPaymentAsync(
            new KopoKopoCredentials { ClientId = "made-up", ClientSecret = "made-up", ApiKey = "made-up", TillNumber = "K000000" },
            new IncomingPaymentCommand("254708374149", 10, new Uri("https://example.com/cb")), CancellationToken.None);
        Assert.That((result.Error?.Code, result.Error?.Retryable), Is.EqualTo(("outcome_unknown", false)));
        Assert.That(_incomingPayments - before, Is.EqualTo(1));
    }
}
