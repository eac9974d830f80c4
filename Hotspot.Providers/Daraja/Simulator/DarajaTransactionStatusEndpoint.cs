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

/// <summary>The simulator's transaction status query, answered by a result callback that finds STK and B2C payments.</summary>
internal static class DarajaTransactionStatusEndpoint
{
    internal static async Task<IResult> TransactionStatus(
        HttpContext context, DarajaSimulatorState state, IOptions<DarajaSimulatorOptions> options, TimeProvider time,
        CallbackPoster poster, IHostApplicationLifetime lifetime)
    {
        var (body, refused) = await AdmitAsync(context, state, time, "400.003.01", 400, firstField: "Initiator");
        if (refused is not null)
        {
            return refused;
        }

        var transactionId = Text(body, "TransactionID");
        var originalConversationId = Text(body, "OriginalConversationID");
        var resultUrl = Text(body, "ResultURL");
        if (string.IsNullOrWhiteSpace(Text(body, "Initiator"))) return Invalid("Initiator");
        if (string.IsNullOrWhiteSpace(Text(body, "SecurityCredential"))) return Invalid("SecurityCredential");
        if (Text(body, "CommandID") != "TransactionStatusQuery") return Invalid("CommandID");
        if (string.IsNullOrWhiteSpace(transactionId) && string.IsNullOrWhiteSpace(originalConversationId)) return Invalid("TransactionID");
        if (!IsDigits(Text(body, "PartyA"), 5, 12)) return Invalid("PartyA");
        if (Text(body, "IdentifierType") is not ("1" or "2" or "4")) return Invalid("IdentifierType");
        if (!IsHttpUrl(resultUrl)) return Invalid("ResultURL");
        if (!IsHttpUrl(Text(body, "QueueTimeOutURL"))) return Invalid("QueueTimeOutURL");

        var now = time.GetUtcNow();
        var conversationId = SimulatedIds.ConversationId(now);
        var originatorId = SimulatedIds.MerchantRequestId();
        var credentialValid = CredentialIsValid(Text(body, "SecurityCredential")!, options.Value);
        var delays = options.Value.Delays;
        SimulatedCompletion.AfterResultDelay(delays, lifetime.ApplicationStopping, async stopping =>
        {
            var result = StatusResult(state, transactionId, originalConversationId, originatorId, conversationId, credentialValid, time.GetUtcNow());
            await poster.PostAsync(new Uri(resultUrl!), result, null, stopping);
        });

        return Results.Json(new DarajaAcceptedResponse(originatorId, conversationId, "0", "Accept the service request successfully."),
            DarajaJsonContext.Default.DarajaAcceptedResponse);
    }

    private static byte[] StatusResult(
        DarajaSimulatorState state, string? transactionId, string? originalConversationId, string originatorId, string conversationId,
        bool credentialValid, DateTimeOffset now)
    {
        const string queue = "https://internalsandbox.safaricom.co.ke/mpesa/transactionstatusresults/v1/submit";
        if (!credentialValid)
        {
            return DarajaSimulatorPayloads.Result(2001, "The initiator information is invalid.", originatorId, conversationId, "", null, queue);
        }

        var checkout = state.Checkouts.Values.FirstOrDefault(c => c.Result is { ResultCode: 0 } r && r.Receipt == transactionId);
        var b2c = state.B2CPayments.Values.FirstOrDefault(p => p.Receipt == transactionId || p.OriginatorConversationId == originalConversationId);
        (string Receipt, long Amount, string Debit, string Credit, string Reason, DateTimeOffset At)? found = checkout is not null
            ? (checkout.Result!.Receipt!, checkout.Amount, $"{checkout.PhoneNumber} - SANDBOX CUSTOMER", $"{checkout.ShortCode} - SANDBOX MERCHANT", "Pay Bill Online", checkout.Result.CompletedAt)
            : b2c is not null
                ? (b2c.Receipt, b2c.Amount, $"{b2c.ShortCode} - SANDBOX MERCHANT", $"{b2c.PhoneNumber} - SANDBOX CUSTOMER", "Business Payment to Customer via API", b2c.At)
                : null;
        if (found is not { } tx)
        {
            return DarajaSimulatorPayloads.Result(1, "The transaction could not be found.", originatorId, conversationId, "", null, queue);
        }

        var stamp = DarajaSimulatorPayloads.Timestamp(tx.At);
        return DarajaSimulatorPayloads.Result(0, "The service request is processed successfully.", originatorId, conversationId, tx.Receipt,
        [
            ("DebitPartyName", tx.Debit),
            ("CreditPartyName", tx.Credit),
            ("OriginatorConversationID", b2c?.OriginatorConversationId ?? originatorId),
            ("InitiatedTime", stamp),
            ("DebitAccountType", "Utility Account"),
            ("DebitPartyCharges", ""),
            ("ReasonType", tx.Reason),
            ("TransactionStatus", "Completed"),
            ("FinalisedTime", stamp),
            ("Amount", tx.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("ConversationID", b2c?.ConversationId ?? conversationId),
            ("ReceiptNo", tx.Receipt),
        ], queue);
    }
}
