using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Hotspot.Providers.Common;
using Hotspot.Providers.Daraja.Wire;
using Hotspot.Providers.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using static Hotspot.Providers.Simulation.SimulatorRequest;

namespace Hotspot.Providers.Daraja.Simulator;

/// <summary>
/// An offline Daraja: OAuth, STK push and query, C2B URL registration and simulation, B2C and transaction
/// status, with Daraja's validation, error envelopes and callbacks. Outcomes follow <see cref="SandboxScenarios"/>.
/// </summary>
public static class DarajaSimulatorEndpoints
{
    private static readonly string[] ForbiddenUrlWords = ["m-pesa", "mpesa", "safaricom", "exe", "exec", "cmd", "sql", "query"];
    private static readonly string[] B2CCommands = ["SalaryPayment", "BusinessPayment", "PromotionPayment"];

    /// <summary>Mounts the simulator under <paramref name="prefix"/>; needs <c>AddDarajaSimulator()</c>.</summary>
    public static RouteGroupBuilder MapDarajaSimulator(this IEndpointRouteBuilder endpoints, string prefix = "/sandbox/daraja")
    {
        if (endpoints.ServiceProvider.GetService<DarajaSimulatorState>() is null)
        {
            throw new InvalidOperationException("Call services.AddDarajaSimulator() before MapDarajaSimulator().");
        }

        var group = endpoints.MapGroup(prefix);
        group.MapGet("/oauth/v1/generate", GenerateToken);
        group.MapPost("/mpesa/stkpush/v1/processrequest", StkPush);
        group.MapPost("/mpesa/stkpushquery/v1/query", StkQuery);
        group.MapPost("/mpesa/c2b/{version}/registerurl", RegisterUrl);
        group.MapPost("/mpesa/c2b/{version}/simulate", SimulateC2B);
        group.MapPost("/mpesa/b2c/{version}/paymentrequest", B2CPayment);
        group.MapPost("/mpesa/transactionstatus/v1/query", TransactionStatus);
        return group;
    }

    private static IResult GenerateToken(HttpContext context, DarajaSimulatorState state, IOptions<DarajaSimulatorOptions> options, TimeProvider time)
    {
        state.CountTokenRequest();
        if (context.Request.Query["grant_type"] != "client_credentials")
        {
            return Error(400, "400.008.02", "Invalid grant type passed");
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.Ordinal) || !TryDecodeBasic(header[6..], out var key, out var secret))
        {
            return Error(400, "400.008.01", "Invalid Authentication passed");
        }

        var apps = options.Value.Apps;
        if (apps.Count > 0 ? !apps.TryGetValue(key, out var expected) || expected != secret : key.Length == 0 || secret.Length == 0)
        {
            return Error(400, "400.008.01", "Invalid Authentication passed");
        }

        var token = SimulatedIds.Hex(28);
        var lifetime = options.Value.TokenLifetime;
        state.Tokens[token] = new DarajaSimulatorState.IssuedToken(key, time.GetUtcNow() + lifetime);
        var previous = state.LatestTokenByApp.GetValueOrDefault(key);
        state.LatestTokenByApp[key] = token;
        if (options.Value.InvalidatePreviousToken && previous is not null)
        {
            state.Tokens.TryRemove(previous, out _);
        }

        // The real sandbox has been seen sending expires_in as a string.
        return Results.Json(new { access_token = token, expires_in = ((long)Math.Ceiling(lifetime.TotalSeconds)).ToString() });
    }

    private static async Task<IResult> StkPush(
        HttpContext context, DarajaSimulatorState state, IOptions<DarajaSimulatorOptions> options, TimeProvider time,
        CallbackPoster poster, IHostApplicationLifetime lifetime)
    {
        state.CountStkPush();
        if (Gate(context, state, time, "404.001.03", 404) is { } refused)
        {
            return refused;
        }

        if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
        {
            return Invalid("BusinessShortCode");
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
        _ = Task.Run(() => CompleteCheckoutAsync(checkout, delays, callbackUrl, poster, time, lifetime.ApplicationStopping));

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
        try
        {
            await Task.Delay(delays.Result, stopping);
            var failure = SandboxScenarios.Failure(checkout.Outcome);
            var completion = failure is { } f
                ? new DarajaSimulatorState.Completion(f.Code, f.Description, null, time.GetUtcNow())
                : new DarajaSimulatorState.Completion(0, "The service request is processed successfully.", SimulatedIds.Receipt(), time.GetUtcNow());
            checkout.Result = completion;

            await OutcomeDelivery.DeliverAsync(checkout.Outcome, DarajaSimulatorPayloads.StkCallback(checkout, completion), callbackUrl, delays, poster, stopping);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task<IResult> StkQuery(
        HttpContext context, DarajaSimulatorState state, IOptions<DarajaSimulatorOptions> options, TimeProvider time)
    {
        if (Gate(context, state, time, "404.001.03", 404) is { } refused)
        {
            return refused;
        }

        if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
        {
            return Invalid("BusinessShortCode");
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

    private static async Task<IResult> RegisterUrl(string version, HttpContext context, DarajaSimulatorState state, TimeProvider time)
    {
        if (version is not ("v1" or "v2"))
        {
            return Error(404, "404.001.01", "Resource not found");
        }

        if (Gate(context, state, time, "400.003.01", 400) is { } refused)
        {
            return refused;
        }

        if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
        {
            return Invalid("ShortCode");
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

    private static async Task<IResult> SimulateC2B(
        string version, HttpContext context, DarajaSimulatorState state, TimeProvider time, CallbackPoster poster, IHostApplicationLifetime lifetime)
    {
        if (Gate(context, state, time, "400.003.01", 400) is { } refused)
        {
            return refused;
        }

        if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
        {
            return Invalid("ShortCode");
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

    private static async Task<IResult> B2CPayment(
        string version, HttpContext context, DarajaSimulatorState state, IOptions<DarajaSimulatorOptions> options, TimeProvider time,
        CallbackPoster poster, IHostApplicationLifetime lifetime)
    {
        if (version is not ("v1" or "v3"))
        {
            return Error(404, "404.001.01", "Resource not found");
        }

        if (Gate(context, state, time, "404.001.03", 404) is { } refused)
        {
            return refused;
        }

        if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
        {
            return Invalid("InitiatorName");
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
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delays.Result, lifetime.ApplicationStopping);
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

                await OutcomeDelivery.DeliverAsync(outcome, result, new Uri(resultUrl!), delays, poster, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
            }
        });

        return Results.Json(new DarajaAcceptedResponse(payment.OriginatorConversationId, payment.ConversationId, "0", "Accept the service request successfully."),
            DarajaJsonContext.Default.DarajaAcceptedResponse);
    }

    private static async Task<IResult> TransactionStatus(
        HttpContext context, DarajaSimulatorState state, IOptions<DarajaSimulatorOptions> options, TimeProvider time,
        CallbackPoster poster, IHostApplicationLifetime lifetime)
    {
        if (Gate(context, state, time, "400.003.01", 400) is { } refused)
        {
            return refused;
        }

        if (!IsJson(context) || await ReadObjectAsync(context) is not { } body)
        {
            return Invalid("Initiator");
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
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(delays.Result, lifetime.ApplicationStopping);
                var result = StatusResult(state, transactionId, originalConversationId, originatorId, conversationId, credentialValid, time.GetUtcNow());
                await poster.PostAsync(new Uri(resultUrl!), result, null, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException)
            {
            }
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

    private static bool CredentialIsValid(string credential, DarajaSimulatorOptions options)
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

    private static bool IsAllowedCallbackUrl(string? url) =>
        IsHttpUrl(url) && !ForbiddenUrlWords.Any(word => url!.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static bool TryDecodeBasic(string encoded, out string key, out string secret)
    {
        key = secret = "";
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim()));
            var colon = text.IndexOf(':');
            if (colon < 0)
            {
                return false;
            }

            key = text[..colon];
            secret = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

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

    private static IResult Invalid(string field) => Error(400, "400.002.02", $"Bad Request - Invalid {field}");

    private static IResult SpikeArrest() => Error(500, "500.003.02", "Error Occurred: Spike Arrest Violation");

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new DarajaErrorResponse(SimulatedIds.MerchantRequestId(), code, message), DarajaJsonContext.Default.DarajaErrorResponse, statusCode: status);
}
