using Hotspot.Providers.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Hotspot.Providers.KopoKopo.Simulator;

/// <summary>
/// An offline Kopo Kopo: OAuth, webhook subscriptions, incoming payments (STK push) and v2 send money, with
/// K2's validation and error bodies, <c>201</c> + <c>Location</c>, and results and webhooks signed with the
/// application's API key. Outcomes follow <see cref="Simulation.SandboxScenarios"/>. One class per endpoint group;
/// <see cref="KopoKopoSimulatorGuard"/> holds what they share.
/// </summary>
public static class KopoKopoSimulatorEndpoints
{
    /// <summary>Mounts the simulator under <paramref name="prefix"/>; needs <c>AddKopoKopoSimulator()</c>.</summary>
    public static RouteGroupBuilder MapKopoKopoSimulator(this IEndpointRouteBuilder endpoints, string prefix = "/sandbox/kopokopo")
    {
        if (endpoints.ServiceProvider.GetService<KopoKopoSimulatorState>() is null)
        {
            throw new InvalidOperationException("Call services.AddKopoKopoSimulator() before MapKopoKopoSimulator().");
        }

        var group = endpoints.MapGroup(prefix);
        group.MapPost("/oauth/token", (HttpContext c, KopoKopoSimulatorState s, IOptions<KopoKopoSimulatorOptions> o, TimeProvider t) =>
            KopoKopoOAuthEndpoint.Token(c, s, o.Value, t));
        group.MapPost("/api/{version}/webhook_subscriptions", (string version, HttpContext c, KopoKopoSimulatorState s, TimeProvider t) =>
            KopoKopoWebhookSubscriptionEndpoints.Subscribe(version, prefix, c, s, t));
        group.MapGet("/api/{version}/webhook_subscriptions/{id}", KopoKopoWebhookSubscriptionEndpoints.GetSubscription);
        group.MapPost("/api/{version}/incoming_payments", (string version, HttpContext c, KopoKopoSimulatorState s, IOptions<KopoKopoSimulatorOptions> o,
            TimeProvider t, CallbackPoster p, IHostApplicationLifetime l) =>
            KopoKopoIncomingPaymentEndpoints.RequestPayment(version, prefix, c, s, o.Value, t, p, l));
        group.MapGet("/api/{version}/incoming_payments/{id}", KopoKopoIncomingPaymentEndpoints.GetPayment);
        group.MapPost("/api/v2/send_money", (HttpContext c, KopoKopoSimulatorState s, IOptions<KopoKopoSimulatorOptions> o, TimeProvider t,
            CallbackPoster p, IHostApplicationLifetime l) =>
            KopoKopoSendMoneyEndpoints.SendMoney(prefix, c, s, o.Value, t, p, l));
        group.MapGet("/api/v2/send_money/{id}", KopoKopoSendMoneyEndpoints.GetPayout);
        return group;
    }
}
