using System.Text.Json;
using Hotspot.Providers.Common;
using Hotspot.Providers.Simulation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using static Hotspot.Providers.KopoKopo.Simulator.KopoKopoSimulatorGuard;
using static Hotspot.Providers.Simulation.SimulatorRequest;

namespace Hotspot.Providers.KopoKopo.Simulator;

/// <summary>The simulator's v2 send money (payouts): request one, read one; the signed result follows.</summary>
internal static class KopoKopoSendMoneyEndpoints
{
    internal static Task<IResult> SendMoney(
        string prefix, HttpContext context, KopoKopoSimulatorState state, KopoKopoSimulatorOptions options, TimeProvider time,
        CallbackPoster poster, IHostApplicationLifetime lifetime) =>
        AuthorizedAsync(context, state, time, async token =>
        {
            var (body, notJson) = await ReadBodyAsync(context);
            if (notJson is not null)
            {
                return notJson;
            }

            if (Property(body, "destinations") is not { ValueKind: JsonValueKind.Array } destinations || destinations.GetArrayLength() != 1)
            {
                return Invalid("Destinations must hold one destination in this sandbox");
            }

            var destination = destinations[0];
            var type = Text(destination, "type");
            var phone = Text(destination, "phone_number")?.TrimStart('+');
            var till = Text(destination, "till_number");
            if (type == "mobile_wallet")
            {
                if (!Msisdn.IsValid(phone))
                {
                    return Invalid("Phone number is invalid");
                }

                if (Text(destination, "network") != "Safaricom")
                {
                    return Invalid("Network is invalid");
                }
            }
            else if (type == "till")
            {
                if (!IsDigits(till, 5, 8))
                {
                    return Invalid("Till number is invalid");
                }
            }
            else
            {
                return Invalid("Destination type is invalid");
            }

            if (!TryWholeAmount(destination, "amount", 1, 250_000, out var amount))
            {
                return Invalid("Amount is invalid");
            }

            if (Text(body, "currency") != "KES")
            {
                return Invalid("Currency is invalid");
            }

            var metadata = Metadata(body);
            if (metadata is null)
            {
                return Invalid("Metadata can contain a maximum of 5 key-value pairs");
            }

            var callbackUrl = Property(body, "_links") is { } links ? Text(links, "callback_url") : null;
            if (!IsHttpUrl(callbackUrl))
            {
                return Invalid("Callback url is invalid");
            }

            var outcome = type == "mobile_wallet" ? SandboxScenarios.For(phone!) : SandboxOutcome.Success;
            if (outcome == SandboxOutcome.ProviderError)
            {
                return Json(500, KopoKopoSimulatorPayloads.Error(500, "Internal Server Error"));
            }

            var id = Guid.NewGuid().ToString();
            var payout = new KopoKopoSimulatorState.SimulatedPayout
            {
                Id = id,
                ClientId = token.ClientId,
                ApiKey = token.ApiKey,
                DestinationType = type,
                PhoneNumber = type == "mobile_wallet" ? phone : null,
                TillNumber = type == "till" ? till : null,
                Amount = amount,
                Nickname = Text(destination, "nickname"),
                Description = Text(destination, "description"),
                Metadata = metadata,
                CallbackUrl = callbackUrl!,
                Self = $"{BaseUrl(context, prefix)}/api/v2/send_money/{id}",
                CreatedAt = time.GetUtcNow(),
                Outcome = outcome,
            };
            state.Payouts[id] = payout;
            SimulatedCompletion.AfterResultDelay(options.Delays, lifetime.ApplicationStopping, async stopping =>
            {
                var failure = SandboxScenarios.Failure(outcome);
                payout.Completion = new KopoKopoSimulatorState.PayoutCompletion(
                    failure is null, failure is null ? SimulatedIds.Receipt() : null, failure?.Description, time.GetUtcNow(), Guid.NewGuid().ToString());
                var result = KopoKopoSimulatorPayloads.SendMoney(payout);
                await OutcomeDelivery.DeliverAsync(outcome, result, new Uri(payout.CallbackUrl), options.Delays, poster, stopping,
                    Signed(payout.ApiKey, result));
            });
            return Created(payout.Self);
        });

    internal static IResult GetPayout(string id, HttpContext context, KopoKopoSimulatorState state, TimeProvider time) =>
        Authorized(context, state, time, token => state.Payouts.TryGetValue(id, out var payout) && payout.ClientId == token.ClientId
            ? Json(200, KopoKopoSimulatorPayloads.SendMoney(payout))
            : NotFound());
}
