using Hotspot.Domain.Payments;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Providers.Extensions;
using Hotspot.Providers.KopoKopo;
using Hotspot.Providers.KopoKopo.Simulator;
using Hotspot.Providers.Simulation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Providers;

/// <summary>
/// The simulators on a real Kestrel port with a callback inbox, and the provider clients as the API registers
/// them, pointed at the simulators. Delays are milliseconds so the suite stays fast.
/// </summary>
public sealed class ProviderTestHost : IAsyncDisposable
{
    private ProviderTestHost(SimulatorHost simulators, CallbackInbox inbox, ServiceProvider services, InMemoryProviderTokenStore store)
    {
        Simulators = simulators;
        Inbox = inbox;
        Services = services;
        TokenStore = store;
    }

    public SimulatorHost Simulators { get; }

    public CallbackInbox Inbox { get; }

    public ServiceProvider Services { get; }

    public InMemoryProviderTokenStore TokenStore { get; }

    public DarajaClient Daraja => Services.GetRequiredService<DarajaClient>();

    public KopoKopoClient KopoKopo => Services.GetRequiredService<KopoKopoClient>();

    public static SimulatorDelays FastDelays() => new()
    {
        Result = TimeSpan.FromMilliseconds(20),
        LateCallback = TimeSpan.FromMilliseconds(1000),
        DuplicateGap = TimeSpan.FromMilliseconds(20),
    };

    public static async Task<ProviderTestHost> StartAsync(
        Action<DarajaSimulatorOptions>? daraja = null,
        Action<KopoKopoSimulatorOptions>? kopoKopo = null,
        IDictionary<string, string?>? configuration = null,
        Action<IServiceCollection>? services = null)
    {
        var inbox = new CallbackInbox();
        var simulators = await SimulatorHost.StartAsync(
            options =>
            {
                options.Delays = FastDelays();
                daraja?.Invoke(options);
            },
            options =>
            {
                options.Delays = FastDelays();
                kopoKopo?.Invoke(options);
            },
            app => inbox.Map(app));

        var settings = new Dictionary<string, string?>
        {
            ["Providers:Daraja:SandboxBaseUrl"] = simulators.DarajaBaseUrl.AbsoluteUri,
            ["Providers:Daraja:TokenRefreshMargin"] = "00:00:00.050",
            ["Providers:KopoKopo:SandboxBaseUrl"] = simulators.KopoKopoBaseUrl.AbsoluteUri,
            ["Providers:KopoKopo:TokenRefreshMargin"] = "00:00:00.050",
            ["Providers:Retry:BaseDelay"] = "00:00:00.001",
        };
        foreach (var (key, value) in configuration ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var collection = new ServiceCollection();
        collection.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        var store = new InMemoryProviderTokenStore();
        collection.AddSingleton<IProviderTokenStore>(store);
        collection.AddPaymentProviders(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services?.Invoke(collection);
        return new ProviderTestHost(simulators, inbox, collection.BuildServiceProvider(), store);
    }

    /// <summary>A callback URL on the inbox, in a box of its own.</summary>
    public Uri InboxUrl(string box) => new(Simulators.BaseAddress, $"inbox/{box}");

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Simulators.DisposeAsync();
    }
}
