using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Hotspot.Providers.Daraja.Wire;
using Hotspot.Providers.Simulation;
using Microsoft.AspNetCore.Http;
using static Hotspot.Providers.Simulation.SimulatorRequest;

namespace Hotspot.Providers.Daraja.Simulator;

/// <summary>What the simulator's API calls share: the token and spike-arrest gate, the JSON body, Daraja's error envelopes and the initiator credential check.</summary>
internal static class DarajaSimulatorGuard
{
    /// <summary>
    /// The preamble every API call shares: a valid bearer token (else <paramref name="invalidTokenStatus"/> with
    /// <paramref name="invalidTokenCode"/>, as the real endpoint answers), no injected spike arrest, and a JSON object
    /// body (else Daraja's "Invalid <paramref name="firstField"/>"). The body, or the answer that refuses the call.
    /// </summary>
    internal static async Task<(JsonElement Body, IResult? Refused)> AdmitAsync(
        HttpContext context, DarajaSimulatorState state, TimeProvider time, string invalidTokenCode, int invalidTokenStatus, string firstField)
    {
        if (Gate(context, state, time, invalidTokenCode, invalidTokenStatus) is { } refused)
        {
            return (default, refused);
        }

        if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
        {
            return (default, Invalid(firstField));
        }

        return (body, null);
    }

    /// <summary>Checks the bearer token, then injected spike arrests. Null when the call may proceed.</summary>
    private static IResult? Gate(HttpContext context, DarajaSimulatorState state, TimeProvider time, string invalidTokenCode, int invalidTokenStatus)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Trim() : null;
        if (token is null || !state.Tokens.TryGetValue(token, out var issued) || issued.ExpiresAt <= time.GetUtcNow())
        {
            return Error(invalidTokenStatus, invalidTokenCode, "Invalid Access Token");
        }

        return state.TakeInjectedSpikeArrest() ? SpikeArrest() : null;
    }

    internal static bool CredentialIsValid(string credential, DarajaSimulatorOptions options)
    {
        if (options.InitiatorCertificate is not { } certificate)
        {
            return true;
        }

        try
        {
            using var rsa = certificate.GetRSAPrivateKey();
            if (rsa is null)
            {
                return false;
            }

            var password = Encoding.UTF8.GetString(rsa.Decrypt(Convert.FromBase64String(credential), RSAEncryptionPadding.Pkcs1));
            return password == options.InitiatorPassword;
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return false;
        }
    }

    internal static IResult Invalid(string field) => Error(400, "400.002.02", $"Bad Request - Invalid {field}");

    internal static IResult SpikeArrest() => Error(500, "500.003.02", "Error Occurred: Spike Arrest Violation");

    internal static IResult Error(int status, string code, string message) =>
        Results.Json(new DarajaErrorResponse(SimulatedIds.MerchantRequestId(), code, message), DarajaJsonContext.Default.DarajaErrorResponse, statusCode: status);
}
