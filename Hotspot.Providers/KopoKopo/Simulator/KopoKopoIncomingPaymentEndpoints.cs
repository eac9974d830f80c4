using System.Text.Json;
using Hotspot.Providers.Common;
using Hotspot.Providers.Simulation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using static Hotspot.Providers.KopoKopo.Simulator.KopoKopoSimulatorGuard;
using static Hotspot.Providers.Simulation.SimulatorRequest;

namespace Hotspot.Providers.KopoKopo.Simulator;

/// <summary>The simulator's incoming payments (STK push): request one, read one; the result and till webhooks follow.</summary>
internal static class KopoKopoIncomingPaymentEndpoints
{
    internal static Task<IResult> RequestPayment(
        string version, string prefix, HttpContext context, KopoKopoSimulatorState state, KopoKopoSimulatorOptions options, TimeProvider time,
        CallbackPoster poster, IHostApplicationLifetime lifetime) =>
        AuthorizedAsync(context, state, time, async token =>
        {
            state.CountIncomingPayment();
            if (version is not ("v1" or "v2"))
            {
                return NotFound();
            }

            var (body, notJson) = await ReadBodyAsync(context);
            if (notJson is not null)
            {
                return notJson;
            }

            var channel = Text(body, "payment_channel");
            var till = Text(body, "till_number");
            var subscriber = Property(body, "subscriber");
            var phone = subscriber is { } s ? Text(s, "phone_number") : null;
            var amount = Property(body, "amount");
            var links = Property(body, "_links");
            var callbackUrl = links is { } l ? Text(l, "callback_url") : null;
            if (channel is null || !(channel.Equals("M-PESA STK Push", StringComparison.OrdinalIgnoreCase) || channel == "M-PESA"))
            {
                return Invalid("Payment channel is invalid");
            }

            if (till is null || till.Length < 2 || till[0] != 'K' || !IsDigits(till[1..]))
            {
                return Invalid("Till number is invalid");
            }

            if (phone is not { Length: 13 } || phone[0] != '+' || !Msisdn.IsValid(phone[1..]))
            {
                return Invalid("Subscriber phone number is an invalid number");
            }

            if (amount is not { ValueKind: JsonValueKind.Object } a || Text(a, "currency") != "KES")
            {
                return Invalid("Currency is invalid");
            }

            if (!TryWholeAmount(a, "value", 1, 250_000, out var value))
            {
                return Invalid("Amount is invalid");
            }

            var metadata = Metadata(body);
            if (metadata is null)
            {
                return Invalid("Metadata can contain a maximum of 5 key-value pairs");
            }

            if (!IsHttpUrl(callbackUrl))
            {
                return Invalid("Callback url is invalid");
            }

            var outcome = SandboxScenarios.For(phone);
            if (outcome == SandboxOutcome.ProviderError)
            {
                return Json(500, KopoKopoSimulatorPayloads.Error(500, "Internal Server Error"));
            }

            var id = Guid.NewGuid().ToString();
            var baseUrl = BaseUrl(context, prefix);
            var payment = new KopoKopoSimulatorState.SimulatedPayment
            {
                Id = id,
                ClientId = token.ClientId,
                ApiKey = token.ApiKey,
                TillNumber = till,
                PhoneNumber = phone,
                Amount = value,
                FirstName = subscriber is { } named ? Text(named, "first_name") : null,
                LastName = subscriber is { } named2 ? Text(named2, "last_name") : null,
                Metadata = metadata,
                CallbackUrl = callbackUrl!,
                Self = $"{baseUrl}/api/{version}/incoming_payments/{id}",
                InitiatedAt = time.GetUtcNow(),
                Outcome = outcome,
            };
            state.IncomingPayments[id] = payment;
            SimulatedCompletion.AfterResultDelay(options.Delays, lifetime.ApplicationStopping,
                stopping => CompletePaymentAsync(payment, baseUrl, state, options.Delays, poster, time, stopping));
            return Created(payment.Self);
        });

    private static async Task CompletePaymentAsync(
        KopoKopoSimulatorState.SimulatedPayment payment, string baseUrl, KopoKopoSimulatorState state, SimulatorDelays delays, CallbackPoster poster,
        TimeProvider time, CancellationToken stopping)
    {
        var failure = SandboxScenarios.Failure(payment.Outcome);
        payment.Completion = new KopoKopoSimulatorState.PaymentCompletion(
            failure is null, failure is null ? SimulatedIds.Receipt() : null, failure?.Description, time.GetUtcNow(), Guid.NewGuid().ToString());

        var body = KopoKopoSimulatorPayloads.IncomingPayment(payment);
        var headers = Signed(payment.ApiKey, body);
        var webhooks = payment.Outcome == SandboxOutcome.LostCallback || failure is not null
            ? Task.CompletedTask
            : NotifySubscribersAsync(payment, baseUrl, state, poster, stopping);
        await OutcomeDelivery.DeliverAsync(payment.Outcome, body, new Uri(payment.CallbackUrl), delays, poster, stopping, headers);
        await webhooks;
    }

    /// <summary>A paid STK push is also a Buy Goods receipt on the till: subscribers hear of it too.</summary>
    private static async Task NotifySubscribersAsync(
        KopoKopoSimulatorState.SimulatedPayment payment, string baseUrl, KopoKopoSimulatorState state, CallbackPoster poster, CancellationToken stopping)
    {
        var tillDigits = payment.TillNumber.TrimStart('K');
        foreach (var subscription in state.Subscriptions.Values.Where(s => s.ClientId == payment.ClientId
                     && s.EventType == KopoKopoWebhookEvents.BuygoodsTransactionReceived
                     && (s.Scope == "company" || s.ScopeReference == payment.TillNumber || s.ScopeReference == tillDigits)))
        {
            var body = KopoKopoSimulatorPayloads.BuygoodsWebhook(Guid.NewGuid().ToString(), baseUrl, payment);
            await poster.PostAsync(new Uri(subscription.Url), body, Signed(payment.ApiKey, body), stopping);
        }
    }

    internal static IResult GetPayment(string version, string id, HttpContext context, KopoKopoSimulatorState state, TimeProvider time) =>
        Authorized(context, state, time, token => state.IncomingPayments.TryGetValue(id, out var payment) && payment.ClientId == token.ClientId
            ? Json(200, KopoKopoSimulatorPayloads.IncomingPayment(payment))
            : NotFound());
}
