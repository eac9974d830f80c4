using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Providers.Extensions;
using Hotspot.Providers.KopoKopo.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Providers.Simulation;

/// <summary>
/// Runs the provider simulators on their own Kestrel port (127.0.0.1, a free port), for tests and tools.
/// <c>mapMore</c> can add endpoints to the same host, e.g. to receive the callbacks.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    public const string DarajaPrefix = "/sandbox/daraja";
    public const string KopoKopoPrefix = "/sandbox/kopokopo";

    private readonly WebApplication _app;

    private SimulatorHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    public Uri DarajaBaseUrl => new(BaseAddress, DarajaPrefix.TrimStart('/') + "/");

    public Uri KopoKopoBaseUrl => new(BaseAddress, KopoKopoPrefix.TrimStart('/') + "/");

    public KopoKopoSimulatorState KopoKopo => _app.Services.GetRequiredService<KopoKopoSimulatorState>();

    public DarajaSimulatorState Daraja => _app.Services.GetRequiredService<DarajaSimulatorState>();

    public IServiceProvider Services => _app.Services;

    public static async Task<SimulatorHost> StartAsync(
        Action<DarajaSimulatorOptions>? daraja = null,
        Action<KopoKopoSimulatorOptions>? kopoKopo = null,
        Action<WebApplication>? mapMore = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDarajaSimulator(daraja);
        builder.Services.AddKopoKopoSimulator(kopoKopo);
        var app = builder.Build();
        app.MapDarajaSimulator(DarajaPrefix);
        app.MapKopoKopoSimulator(KopoKopoPrefix);
        mapMore?.Invoke(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorHost(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
