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

/// <summary>The simulator's B2C payment request (refunds), answered by a result callback.</summary>
internal static class DarajaB2CEndpoint
{
    private static readonly string[] B2CCommands = ["SalaryPayment", "BusinessPayment", "PromotionPayment"];

    internal static async Task<IResult> B2CPayment(
        string version, HttpContext context, DarajaSimulatorState state, IOptions<DarajaSimulatorOptions> options, TimeProvider time,
        CallbackPoster poster, IHostApplicationLifetime lifetime)
    {
        if (version is not ("v1" or "v3"))
        {
            return Error(404, "404.001.01", "Resource not found");
        }

        var (body, refused) = await AdmitAsync(context, state, time, "404.001.03", 404, firstField: "InitiatorName");
        if (refused is not null)
        {
            return refused;
        }

        var originatorId = Text(body, "OriginatorConversationID");
        var initiator = Text(body, "InitiatorName");
        var credential = Text(body, "SecurityCredential");
        var command = Text(body, "CommandID");
        var partyA = Text(body, "PartyA");
        var partyB = Text(body, "PartyB");
        var remarks = Text(body, "Remarks");
        var queueUrl = Text(body, "QueueTimeOutURL");
        var resultUrl = Text(body, "ResultURL");
        if (string.IsNullOrWhiteSpace(originatorId)) return Invalid("OriginatorConversationID");
        if (string.IsNullOrWhiteSpace(initiator)) return Invalid("InitiatorName");
        if (string.IsNullOrWhiteSpace(credential)) return Invalid("SecurityCredential");
        if (!B2CCommands.Contains(command)) return Invalid("CommandID");
        if (!TryWholeAmount(body, "Amount", 10, 250_000, out var amount)) return Invalid("Amount");
        if (!IsDigits(partyA, 5, 8)) return Invalid("PartyA");
        if (!Msisdn.IsValid(partyB)) return Invalid("PartyB");
        if (remarks is null || remarks.Length is < 2 or > 100) return Invalid("Remarks");
        if (!IsHttpUrl(queueUrl)) return Invalid("QueueTimeOutURL");
        if (!IsHttpUrl(resultUrl)) return Invalid("ResultURL");

        var outcome = SandboxScenarios.For(partyB!);
        if (outcome == SandboxOutcome.ProviderError)
        {
            return SpikeArrest();
        }

        var now = time.GetUtcNow();
        var payment = new DarajaSimulatorState.SimulatedB2C(SimulatedIds.ConversationId(now), originatorId!, partyA!, partyB!, amount, SimulatedIds.Receipt(), now);
        if (!state.B2CPayments.TryAdd(originatorId!, payment))
        {
            return Error(500, "500.002.1001", "Duplicate OriginatorConversationID.");
        }

        var credentialValid = CredentialIsValid(credential!, options.Value);
        var delays = options.Value.Delays;
        SimulatedCompletion.AfterResultDelay(delays, lifetime.ApplicationStopping, async stopping =>
        {
            const string queue = "https://internalsandbox.safaricom.co.ke/mpesa/b2cresults/v1/submit";
            byte[] result;
            if (!credentialValid || outcome == SandboxOutcome.WrongPin)
            {
                result = DarajaSimulatorPayloads.Result(2001, "The initiator information is invalid.", payment.OriginatorConversationId, payment.ConversationId, payment.Receipt, null, queue);
            }
            else if (outcome == SandboxOutcome.InsufficientFunds)
            {
                result = DarajaSimulatorPayloads.Result(1, "The balance is insufficient for the transaction.", payment.OriginatorConversationId, payment.ConversationId, payment.Receipt, null, queue);
            }
            else
            {
                result = DarajaSimulatorPayloads.Result(0, "The service request is processed successfully.", payment.OriginatorConversationId, payment.ConversationId, payment.Receipt,
                [
                    ("TransactionAmount", payment.Amount),
                    ("TransactionReceipt", payment.Receipt),
                    ("ReceiverPartyPublicName", $"{payment.PhoneNumber} - SANDBOX CUSTOMER"),
                    ("TransactionCompletedDateTime", time.GetUtcNow().ToOffset(TimeSpan.FromHours(3)).ToString("dd.MM.yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                    ("B2CUtilityAccountAvailableFunds", 100000.00m),
                    ("B2CWorkingAccountAvailableFunds", 0.00m),
                    ("B2CRecipientIsRegisteredCustomer", "Y"),
                    ("B2CChargesPaidAccountAvailableFunds", 0.00m),
                ], queue);
            }

            await OutcomeDelivery.DeliverAsync(outcome, result, new Uri(resultUrl!), delays, poster, stopping);
        });

        return Results.Json(new DarajaAcceptedResponse(payment.OriginatorConversationId, payment.ConversationId, "0", "Accept the service request successfully."),
            DarajaJsonContext.Default.DarajaAcceptedResponse);
    }
}
