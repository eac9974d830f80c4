using System.Text.Json;
using Hotspot.Providers.Common;
using Hotspot.Providers.Daraja.Wire;
using Hotspot.Providers.Simulation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using static Hotspot.Providers.Daraja.Simulator.DarajaSimulatorGuard;
using static Hotspot.Providers.Simulation.SimulatorRequest;

namespace Hotspot.Providers.Daraja.Simulator;

/// <summary>The simulator's C2B URL registration and simulated customer payments (validation, then confirmation).</summary>
internal static class DarajaC2BEndpoints
{
    private static readonly string[] ForbiddenUrlWords = ["m-pesa", "mpesa", "safaricom", "exe", "exec", "cmd", "sql", "query"];

    internal static async Task<IResult> RegisterUrl(string version, HttpContext context, DarajaSimulatorState state, TimeProvider time)
    {
        if (version is not ("v1" or "v2"))
        {
            return Error(404, "404.001.01", "Resource not found");
        }

        var (body, refused) = await AdmitAsync(context, state, time, "400.003.01", 400, firstField: "ShortCode");
        if (refused is not null)
        {
            return refused;
        }

        var shortCode = Text(body, "ShortCode");
        var responseType = Text(body, "ResponseType");
        var confirmation = Text(body, "ConfirmationURL");
        var validation = Text(body, "ValidationURL");
        if (!IsDigits(shortCode, 5, 8)) return Invalid("ShortCode");
        if (responseType is not ("Completed" or "Cancelled")) return Invalid("ResponseType");
        if (!IsAllowedCallbackUrl(confirmation)) return Invalid("ConfirmationURL");
        if (!IsAllowedCallbackUrl(validation)) return Invalid("ValidationURL");

        state.C2BRegistrations[shortCode!] = new C2BRegistration(shortCode!, version, responseType!, new Uri(confirmation!), new Uri(validation!));
        return Results.Json(new C2BRegisterUrlResponse(SimulatedIds.MerchantRequestId(), "0", "Success"), DarajaJsonContext.Default.C2BRegisterUrlResponse);
    }

    internal static async Task<IResult> SimulateC2B(
        string version, HttpContext context, DarajaSimulatorState state, TimeProvider time, CallbackPoster poster, IHostApplicationLifetime lifetime)
    {
        var (body, refused) = await AdmitAsync(context, state, time, "400.003.01", 400, firstField: "ShortCode");
        if (refused is not null)
        {
            return refused;
        }

        var shortCode = Text(body, "ShortCode");
        var commandId = Text(body, "CommandID");
        var msisdn = Text(body, "Msisdn");
        if (!IsDigits(shortCode, 5, 8)) return Invalid("ShortCode");
        if (commandId is not ("CustomerPayBillOnline" or "CustomerBuyGoodsOnline")) return Invalid("CommandID");
        if (!TryWholeAmount(body, "Amount", 1, 250_000, out var amount)) return Invalid("Amount");
        if (!Msisdn.IsValid(msisdn)) return Invalid("Msisdn");
        if (state.RegistrationFor(shortCode!) is not { } registration) return Invalid("ShortCode");

        var billRef = Text(body, "BillRefNumber") ?? "";
        var transId = SimulatedIds.Receipt();
        var at = time.GetUtcNow();
        _ = Task.Run(async () =>
        {
            var stopping = lifetime.ApplicationStopping;
            var validation = DarajaSimulatorPayloads.C2BNotification(commandId!, transId, at, amount, shortCode!, billRef, msisdn!, registration.Version, null);
            var answer = await poster.PostAsync(registration.ValidationUrl, validation, null, stopping);
            var accepted = answer is null
                ? registration.ResponseType == "Completed"
                : SimulatorJsonText(answer, "ResultCode") == "0";
            if (accepted)
            {
                var confirmation = DarajaSimulatorPayloads.C2BNotification(commandId!, transId, at, amount, shortCode!, billRef, msisdn!, registration.Version, 1000m + amount);
                await poster.PostAsync(registration.ConfirmationUrl, confirmation, null, stopping);
            }
        });

        return Results.Json(new C2BRegisterUrlResponse(SimulatedIds.MerchantRequestId(), "0", "Accept the service request successfully."),
            DarajaJsonContext.Default.C2BRegisterUrlResponse);
    }

    private static bool IsAllowedCallbackUrl(string? url) =>
        IsHttpUrl(url) && !ForbiddenUrlWords.Any(word => url!.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static string? SimulatorJsonText(byte[] json, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Text(document.RootElement, name);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
