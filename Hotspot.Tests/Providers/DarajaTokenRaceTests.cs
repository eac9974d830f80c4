using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Providers.Simulation;
using Hotspot.Providers.Tokens;
using Hotspot.Storage;
using Hotspot.Storage.ProviderTokens;
using Hotspot.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using ProviderExtensions = Hotspot.Providers.Extensions.Extensions;

namespace Hotspot.Tests.Providers;

/// <summary>
/// Several API instances (each with its own token cache, all on one database) start STK pushes through the Daraja
/// gateway against the simulator at the same moment: from cold caches, and again each time Daraja has dropped every
/// token. The simulator, like Daraja, revokes an app's previous token when it issues a new one, and token answers
/// arrive after a random delay, so fetches overlap and finish out of order. No push may fail because another
/// instance fetched a token.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class DarajaTokenRaceTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private const int Instances = 4;
    private const int PushesPerRound = 24;
    private const int Rounds = 6;
    private ProviderTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await ProviderTestHost.StartAsync(services: collection =>
        collection.AddHttpClient(ProviderExtensions.DarajaHttpClientName).AddHttpMessageHandler(() => new SlowTokenAnswers()));

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Pushes_from_several_instances_never_fail_because_another_instance_fetched_a_token()
    {
        var credentials = new DarajaCredentials
        {
            ConsumerKey = "key-" + Guid.NewGuid().ToString("N"),
            ConsumerSecret = "made-up-secret",
            ShortCode = "174379",
            PassKey = DarajaSimulatorOptions.SandboxPassKey,
        };
        // Each instance: its own in-process cache and store object, the one shared database.
        var gateways = Enumerable.Range(0, Instances)
            .Select(_ => new DarajaPaymentGateway(ActivatorUtilities.CreateInstance<DarajaClient>(_host.Services,
                new ProviderTokenCache(new DatabaseProviderTokenStore(Database, TimeProvider.System), TimeProvider.System))))
            .ToArray();
        var daraja = _host.Simulators.Daraja;
        var tokensBefore = daraja.TokenRequests;
        var pushesBefore = daraja.StkPushRequests;

        var failures = new List<string>();
        var checkouts = new HashSet<string>();
        for (var round = 0; round < Rounds; round++)
        {
            if (round > 0)
            {
                daraja.ExpireAllTokens();
            }

            var results = await Task.WhenAll(Enumerable.Range(0, PushesPerRound).Select(i => gateways[i % Instances].StartPaymentAsync(
                credentials,
                new StartPaymentRequest(SandboxScenarios.SuccessPhone, 10, "HOTSPOT1", "Wi-Fi", _host.InboxUrl("race")),
                CancellationToken.None)));
            failures.AddRange(results.Where(r => !r.IsSuccess).Select(r => $"round {round}: {r.Error}"));
            checkouts.UnionWith(results.Where(r => r.IsSuccess).Select(r => r.Value.Reference.ProviderRequestId));
        }

        var pushes = Rounds * PushesPerRound;
        var sent = daraja.StkPushRequests - pushesBefore;
        var fetched = daraja.TokenRequests - tokensBefore;
        TestContext.Out.WriteLine($"{pushes} pushes, {failures.Count} failed, {sent} sent to Daraja, {fetched} tokens fetched");
        Assert.That(failures, Is.Empty);
        Assert.That(checkouts, Has.Count.EqualTo(pushes), "each push accepted once");
        Assert.That(sent, Is.LessThanOrEqualTo(2 * pushes), "a push is repeated at most once, after a rejected token");
        Assert.That(fetched, Is.EqualTo(Rounds), "one token fetch per round across all instances");
    }

    /// <summary>Token answers take 0 to 40 ms to arrive after Daraja issued them, as over a real network.</summary>
    private sealed class SlowTokenAnswers : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri?.AbsolutePath.Contains("/oauth/", StringComparison.Ordinal) == true)
            {
                await Task.Delay(Random.Shared.Next(0, 40), cancellationToken);
            }

            return response;
        }
    }
}
