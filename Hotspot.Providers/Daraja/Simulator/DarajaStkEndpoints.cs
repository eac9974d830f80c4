using System.Globalization;
using Hotspot.Providers.Common;
using Hotspot.Providers.Daraja.Wire;
using Hotspot.Providers.Simulation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Hotspot.Providers.Daraja.Simulator.DarajaSimulatorGuard;
using static Hotspot.Providers.Simulation.SimulatorRequest;

namespace Hotspot.Providers.Daraja.Simulator;

/// <summary>The simulator's STK push and STK query, with the result callback after <see cref="SimulatorDelays.Result"/>.</summary>
internal static class DarajaStkEndpoints
{
    internal static async Task<IResult> StkPush(
        HttpContext context, DarajaSimulatorState state, IOptions<DarajaSimulatorOptions> options, TimeProvider time,
        CallbackPoster poster, IHostApplicationLifetime lifetime)
    {
        state.CountStkPush();
        var (body, refused) = await AdmitAsync(context, state, time, "404.001.03", 404, firstField: "BusinessShortCode");
        if (refused is not null)
        {
            return refused;
        }

        var shortCode = Text(body, "BusinessShortCode");
        var timestamp = Text(body, "Timestamp");
        var type = Text(body, "TransactionType");
        var partyA = Text(body, "PartyA");
        var partyB = Text(body, "PartyB");
        var phone = Text(body, "PhoneNumber");
        var callback = Text(body, "CallBackURL");
        var reference = Text(body, "AccountReference");
        var description = Text(body, "TransactionDesc");

        if (!IsDigits(shortCode, 5, 7)) return Invalid("BusinessShortCode");
        if (!StkPassword.TryParseTimestamp(timestamp, out _)) return Invalid("Timestamp");
        if (type is not ("CustomerPayBillOnline" or "CustomerBuyGoodsOnline")) return Invalid("TransactionType");
        if (!TryWholeAmount(body, "Amount", 1, 250_000, out var amount)) return Invalid("Amount");
        if (!Msisdn.IsValid(partyA)) return Invalid("PartyA");
        if (!IsDigits(partyB, 5, 8) || (type == "CustomerPayBillOnline" && partyB != shortCode)) return Invalid("PartyB");
        if (!Msisdn.IsValid(phone)) return Invalid("PhoneNumber");
        if (!IsHttpUrl(callback)) return Invalid("CallBackURL");
        if (string.IsNullOrWhiteSpace(reference) || reference.Length > 12) return Invalid("AccountReference");
        if (description is { Length: > 13 }) return Invalid("TransactionDesc");

        if (!options.Value.PassKeys.TryGetValue(shortCode!, out var passKey))
        {
            return Error(500, "500.001.1001", "Merchant does not exist");
        }

        if (Text(body, "Password") != StkPassword.Create(shortCode!, passKey, timestamp!))
        {
            return Error(500, "500.001.1001", "Wrong credentials");
        }

        var outcome = SandboxScenarios.For(phone!);
        if (outcome == SandboxOutcome.ProviderError)
        {
            return SpikeArrest();
        }

        var now = time.GetUtcNow();
        var checkout = new DarajaSimulatorState.SimulatedCheckout
        {
            MerchantRequestId = SimulatedIds.MerchantRequestId(),
            CheckoutRequestId = SimulatedIds.CheckoutRequestId(now),
            ShortCode = shortCode!,
            PhoneNumber = phone!,
            Amount = amount,
            Outcome = outcome,
            RequestedAt = now,
        };
        state.Checkouts[checkout.CheckoutRequestId] = checkout;

        var delays = options.Value.Delays;
        var callbackUrl = new Uri(callback!);
        SimulatedCompletion.AfterResultDelay(delays, lifetime.ApplicationStopping,
            stopping => CompleteCheckoutAsync(checkout, delays, callbackUrl, poster, time, stopping));

        return Results.Json(new StkPushResponse(
            checkout.MerchantRequestId,
            checkout.CheckoutRequestId,
            "0",
            "Success. Request accepted for processing",
            "Success. Request accepted for processing"), DarajaJsonContext.Default.StkPushResponse);
    }

    private static async Task CompleteCheckoutAsync(
        DarajaSimulatorState.SimulatedCheckout checkout, SimulatorDelays delays, Uri callbackUrl, CallbackPoster poster, TimeProvider time,
        CancellationToken stopping)
    {
        var failure = SandboxScenarios.Failure(checkout.Outcome);
        var completion = failure is { } f
            ? new DarajaSimulatorState.Completion(f.Code, f.Description, null, time.GetUtcNow())
            : new DarajaSimulatorState.Completion(0, "The service request is processed successfully.", SimulatedIds.Receipt(), time.GetUtcNow());
        checkout.Result = completion;

        await OutcomeDelivery.DeliverAsync(checkout.Outcome, DarajaSimulatorPayloads.StkCallback(checkout, completion), callbackUrl, delays, poster, stopping);
    }

    internal static async Task<IResult> StkQuery(
        HttpContext context, DarajaSimulatorState state, IOptions<DarajaSimulatorOptions> options, TimeProvider time)
    {
        var (body, refused) = await AdmitAsync(context, state, time, "404.001.03", 404, firstField: "BusinessShortCode");
        if (refused is not null)
        {
            return refused;
        }

        var shortCode = Text(body, "BusinessShortCode");
        var timestamp = Text(body, "Timestamp");
        var checkoutId = Text(body, "CheckoutRequestID");
        if (!IsDigits(shortCode, 5, 7)) return Invalid("BusinessShortCode");
        if (!StkPassword.TryParseTimestamp(timestamp, out _)) return Invalid("Timestamp");
        if (!options.Value.PassKeys.TryGetValue(shortCode!, out var passKey))
        {
            return Error(500, "500.001.1001", "Merchant does not exist");
        }

        if (Text(body, "Password") != StkPassword.Create(shortCode!, passKey, timestamp!))
        {
            return Error(500, "500.001.1001", "Wrong credentials");
        }

        if (checkoutId is null || !state.Checkouts.TryGetValue(checkoutId, out var checkout) || checkout.ShortCode != shortCode)
        {
            return Invalid("CheckoutRequestID");
        }

        if (checkout.Result is not { } result)
        {
            // The real API says "pending" two ways: an error envelope first, later result code 4999.
            return Interlocked.Increment(ref checkout.QueryCount) == 1
                ? Results.Json(new DarajaErrorResponse(checkoutId, "500.001.1001", "The transaction is being processed"),
                    DarajaJsonContext.Default.DarajaErrorResponse, statusCode: 500)
                : QueryAnswer(checkout, "4999", "The transaction is still under processing");
        }

        return QueryAnswer(checkout, result.ResultCode.ToString(System.Globalization.CultureInfo.InvariantCulture), result.ResultDesc);
    }

    private static IResult QueryAnswer(DarajaSimulatorState.SimulatedCheckout checkout, string resultCode, string resultDesc) =>
        Results.Json(new StkQueryResponse(
            "0",
            "The service request has been accepted successsfully", // sic, as Daraja spells it
            checkout.MerchantRequestId,
            checkout.CheckoutRequestId,
            resultCode,
            resultDesc), DarajaJsonContext.Default.StkQueryResponse);
}
