using Microsoft.AspNetCore.Http;
using static Hotspot.Providers.KopoKopo.Simulator.KopoKopoSimulatorGuard;
using static Hotspot.Providers.Simulation.SimulatorRequest;

namespace Hotspot.Providers.KopoKopo.Simulator;

/// <summary>The simulator's webhook subscriptions: create one, read one.</summary>
internal static class KopoKopoWebhookSubscriptionEndpoints
{
    private static readonly string[] V2EventTypes = ["b2b_transaction_reversed"];

    internal static Task<IResult> Subscribe(string version, string prefix, HttpContext context, KopoKopoSimulatorState state, TimeProvider time) =>
        AuthorizedAsync(context, state, time, async token =>
        {
            if (version is not ("v1" or "v2"))
            {
                return NotFound();
            }

            var (body, notJson) = await ReadBodyAsync(context);
            if (notJson is not null)
            {
                return notJson;
            }

            var eventType = Text(body, "event_type");
            var url = Text(body, "url");
            var scope = Text(body, "scope");
            var scopeReference = Text(body, "scope_reference");
            if (eventType is null || !(KopoKopoWebhookEvents.All.Contains(eventType) || (version == "v2" && V2EventTypes.Contains(eventType))))
            {
                return Invalid("Event type is invalid");
            }

            if (!IsHttpUrl(url))
            {
                return Invalid("Url is invalid");
            }

            if (scope is not ("till" or "company"))
            {
                return Invalid("Scope is invalid");
            }

            if (scope == "till" && string.IsNullOrWhiteSpace(scopeReference))
            {
                return Invalid("Scope reference must be present when scope is till");
            }

            var id = Guid.NewGuid().ToString();
            var self = $"{BaseUrl(context, prefix)}/api/{version}/webhook_subscriptions/{id}";
            state.Subscriptions[id] = new KopoKopoSimulatorState.Subscription(id, token.ClientId, eventType, url!, scope!, scope == "till" ? scopeReference : null, self);
            return Created(self);
        });

    internal static IResult GetSubscription(string version, string id, HttpContext context, KopoKopoSimulatorState state, TimeProvider time) =>
        Authorized(context, state, time, token => state.Subscriptions.TryGetValue(id, out var sub) && sub.ClientId == token.ClientId
            ? Json(200, KopoKopoSimulatorPayloads.Subscription(sub))
            : NotFound());
}
