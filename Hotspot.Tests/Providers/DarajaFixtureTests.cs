using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Daraja.Wire;

namespace Hotspot.Tests.Providers;

/// <summary>
/// Every Daraja fixture that we would receive (callback, result, response, error) is parsed and its important
/// fields checked. Requests (what we send) are skipped; any other file without expectations fails the test.
/// </summary>
public class DarajaFixtureTests
{
    private static readonly DarajaJsonContext Json = DarajaJsonContext.Default;

    [Test]
    public void Every_daraja_callback_result_and_response_fixture_parses()
    {
        var files = Directory.GetFiles(SharedFolder.Path("fixtures", "daraja"), "*.json").OrderBy(f => f).ToList();
        var checkedFiles = new List<string>();
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                if (name.Contains("-request", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.That(Check(name, File.ReadAllBytes(file)), Is.True, $"{name} has no expectations");
                checkedFiles.Add(name);
            }
        });

        Assert.That(checkedFiles, Has.Count.GreaterThanOrEqualTo(37));
    }

    private static bool Check(string name, byte[] body)
    {
        switch (name)
        {
            case "stk-callback-0-success.official-docs.json":
            {
                var stk = Stk(body);
                Assert.That(stk.IsSuccess, Is.True);
                Assert.That(stk.MerchantRequestId, Is.EqualTo("29115-34620561-1"));
                Assert.That(stk.CheckoutRequestId, Is.EqualTo("ws_CO_191220191020363925"));
                Assert.That(stk.AmountShillings, Is.EqualTo(1L));
                Assert.That(stk.ReceiptNumber, Is.EqualTo("NLJ7RT61SV"));
                Assert.That(stk.PhoneNumber, Is.EqualTo("254708374149"));
                Assert.That(stk.TransactionDate, Is.EqualTo(new DateTimeOffset(2019, 12, 19, 10, 21, 15, TimeSpan.FromHours(3))));
                Assert.That(stk.Balance, Is.Null);
                return true;
            }
            case "stk-callback-0-success-with-balance.django-daraja-2019.json":
            {
                var stk = Stk(body);
                Assert.That(stk.IsSuccess, Is.True);
                Assert.That(stk.CheckoutRequestId, Is.EqualTo("ws_CO_DMZ_264695293_11032019122104433"));
                Assert.That(stk.AmountShillings, Is.EqualTo(1L));
                Assert.That(stk.ReceiptNumber, Is.EqualTo("NCB9FJNAIT"));
                Assert.That(stk.PhoneNumber, Is.EqualTo("254719748260"));
                Assert.That(stk.Balance, Is.Null, "Balance has no Value");
                Assert.That(stk.TransactionDate, Is.EqualTo(new DateTimeOffset(2019, 3, 11, 12, 21, 21, TimeSpan.FromHours(3))));
                return true;
            }
            case "stk-callback-1032-cancelled.official-docs.json":
                StkFailure(body, "ws_CO_21072024125243250722943992", "1032", "Request cancelled by user", PaymentFailureReason.CancelledByUser);
                return true;
            case "stk-callback-1032-cancelled-legacy-prefix.django-daraja-2019.json":
                StkFailure(body, "ws_CO_DMZ_401294732_11032019121308821", "1032", "Request cancelled by user", PaymentFailureReason.CancelledByUser);
                return true;
            case "stk-callback-1036-smsc-ack-timeout.django-daraja-2019.json":
                StkFailure(body, "ws_CO_DMZ_262987371_09032019203456095", "1036", "SMSC ACK timeout.", PaymentFailureReason.PhoneUnreachable);
                return true;
            case "stk-callback-2001-wrong-pin-legacy-prefix.django-daraja-2019.json":
                StkFailure(body, "ws_CO_DMZ_264800546_11032019141837240", "2001", "The initiator information is invalid.", PaymentFailureReason.WrongPin);
                return true;
            case "c2b-v2-validation-or-confirmation-masked-msisdn.official-docs.json":
            {
                var c2b = C2BNotificationParser.Parse(body).Value;
                Assert.That(c2b.TransactionId, Is.EqualTo("RKL51ZDR4F"));
                Assert.That(c2b.TransactionType, Is.EqualTo("Pay Bill"));
                Assert.That(c2b.AmountShillings, Is.EqualTo(5L));
                Assert.That(c2b.BusinessShortCode, Is.EqualTo("600966"));
                Assert.That(c2b.BillReference, Is.EqualTo("Sample Transaction"));
                Assert.That(c2b.Msisdn, Is.EqualTo("2547 ***** 126"));
                Assert.That(c2b.OrganizationBalance, Is.EqualTo(25.00m));
                Assert.That(c2b.TransactionTime, Is.EqualTo(new DateTimeOffset(2023, 11, 21, 12, 13, 25, TimeSpan.FromHours(3))));
                Assert.That(c2b.FirstName, Is.EqualTo("NICHOLAS"));
                return true;
            }
            case "accountbalance-result-0-success.official-docs.json":
            {
                var result = Result(body, "0", "16917-22577599-3", "AG_20200206_00005e091a8ec6b9eac5", "OA90000000");
                Assert.That(result.ResultType, Is.EqualTo("0"));
                Assert.That(result.Parameter("AccountBalance"), Does.StartWith("Working Account|KES|700000.00|"));
                Assert.That(result.Parameter("BOCompletedTime"), Is.EqualTo("20200109125710"));
                Assert.That(result.Reference("QueueTimeoutURL"), Is.EqualTo("https://internalsandbox.safaricom.co.ke/mpesa/abresults/v1/submit"));
                return true;
            }
            case "accountbalance-result-inner-2001-resultparameter-as-object.real-production.issue-newtonmunene99-mpesa-api-12.json":
            {
                var result = Result(body, "2001", "13443-10746354-1", "AG_20200625_0000650ea6a99ae1c0bb", "OFP0000000");
                Assert.That(result.Parameters, Has.Count.EqualTo(1));
                Assert.That(result.Parameter("BOCompletedTime"), Is.EqualTo("20200625232427"));
                Assert.That(result.Reference("QueueTimeoutURL"), Does.Contain("internalapi.safaricom.co.ke"));
                return true;
            }
            case "b2c-result-0-success.official-docs.json":
            {
                var result = Result(body, "0", "53e3-4aa8-9fe0-8fb5e4092cdd3533373", "AG_20240706_2010364430d9bbdaf872", "SG632NMUAB");
                Assert.That(result.Parameters, Has.Count.EqualTo(8));
                Assert.That(result.Parameter("TransactionAmount"), Is.EqualTo("10"));
                Assert.That(result.Parameter("TransactionReceipt"), Is.EqualTo("SG632NMUAB"));
                Assert.That(result.Parameter("ReceiverPartyPublicName"), Is.EqualTo("254705912645 - NICHOLAS JOHN SONGOK"));
                Assert.That(result.Parameter("B2CUtilityAccountAvailableFunds"), Is.EqualTo("8959269.60"));
                Assert.That(result.Parameter("B2CRecipientIsRegisteredCustomer"), Is.EqualTo("Y"));
                return true;
            }
            case "b2c-result-2001-initiator-invalid.official-docs.json":
                Assert.That(Result(body, "2001", "53e3-4aa8-9fe0-8fb5e4092cdd3544366", "AG_20240707_201062f6f6f5804f7a33", "SG722NMVXQ").Parameters, Is.Empty);
                return true;
            case "b2c-result-2001-initiator-invalid.real.issue-mpesa-node-library-13.json":
                Assert.That(Result(body, "2001", "11143-7569966-1", "AG_20181024_000043ade8e082b13567", "MJO61H754M").ResultDescription,
                    Is.EqualTo("The initiator information is invalid."));
                return true;
            case "reversal-result-0-success.official-docs.json":
            {
                var result = Result(body, "0", "dad6-4c34-8787-c8cb963a496d1268232", "AG_20211114_201018edbbf9f1582eaa", "SKE52PAWR9");
                Assert.That(result.Parameter("Amount"), Is.EqualTo("1.00"));
                Assert.That(result.Parameter("OriginalTransactionID"), Is.EqualTo("SKC82PACB8"));
                Assert.That(result.Parameter("TransCompletedTime"), Is.EqualTo("20211114132711"));
                return true;
            }
            case "reversal-result-R000002-invalid-originaltransactionid.official-docs.json":
                Assert.That(Result(body, "R000002", "3124-481d-b706-10bdd6fbc8e21792398", "AG_20211114_2010573069aefb6b625a", "SKE0000000").IsSuccess, Is.False);
                return true;
            case "transactionstatus-result-0-success.official-docs.json":
            {
                var result = Result(body, "0", "3213-416199-2", "AG_20180223_0000493344ae97d86f75", "MBN0000000");
                Assert.That(result.Parameters, Has.Count.EqualTo(13));
                Assert.That(result.Parameters.Count(p => p.Key == "DebitPartyName"), Is.EqualTo(2), "duplicate keys are kept");
                Assert.That(result.Parameter("ReceiptNo"), Is.EqualTo("MBN31H462N"));
                Assert.That(result.Parameter("Amount"), Is.EqualTo("300"));
                Assert.That(result.Parameter("TransactionStatus"), Is.EqualTo("Completed"));
                Assert.That(result.Parameter("TransactionReason"), Is.Null, "a parameter without Value");
                Assert.That(result.Reference("Occasion"), Is.Null);
                return true;
            }
            case "transactionstatus-result-2001-initiator-invalid.real.issue-dkiptugen-1.json":
                Assert.That(Result(body, "2001", "6618-1387084-1", "AG_20180128_0000650adeb6d1e32571", "MAS0000000").Reference("Occasion"), Is.EqualTo("xf"));
                return true;
            case "error-400.002.02-invalid-businessshortcode.official-docs.json":
                Error(body, 400, GatewayErrorKind.InvalidRequest, "400.002.02", "Bad Request - Invalid BusinessShortCode", "1c5b-4ba8-815c-ac45c57a3db01495926");
                return true;
            case "error-400.002.02-invalid-phonenumber.issue-osen-wc-mpesa-65.json":
                Error(body, 400, GatewayErrorKind.InvalidRequest, "400.002.02", "Bad Request - Invalid PhoneNumber", "9458-79414631-1");
                return true;
            case "error-400.002.02-invalid-timestamp.issue-LNMOnlineAndroidSample-36.json":
                Error(body, 400, GatewayErrorKind.InvalidRequest, "400.002.02", "Bad Request - Invalid Timestamp", "27746-3661277-1");
                return true;
            case "error-400.002.02-invalid-transactionid.official-docs.json":
                Error(body, 400, GatewayErrorKind.InvalidRequest, "400.002.02", "Bad Request - Invalid TransactionID", "94fc-460e-a970-797968bf6a851272619");
                return true;
            case "error-404.001.03-invalid-access-token.issue-LNMOnlineAndroidSample-11.json":
                Assert.That(DarajaErrorMapper.IsInvalidToken(
                    Error(body, 404, GatewayErrorKind.InvalidCredentials, "404.001.03", "Invalid Access Token", "10219-2484793-1")), Is.True);
                return true;
            case "error-500.001.1001-wrong-credentials.issue-django-daraja-3.json":
                Error(body, 500, GatewayErrorKind.InvalidCredentials, "500.001.1001", "Wrong credentials", "22759-3566117-1");
                return true;
            case "error-500.002.1001-duplicate-originatorconversationid.official-docs.json":
                Error(body, 500, GatewayErrorKind.InvalidRequest, "500.002.1001", "Duplicate OriginatorConversationID.", "1c5b-4ba8-815c-ac45c57a3db01469899");
                return true;
            case "error-apigee-fault-application-not-found.issue-gathuku-laravel_mpesa-28.json":
            {
                var error = DarajaErrorMapper.Map(404, body);
                Assert.That(error.Code, Is.EqualTo("messaging.adaptors.http.flow.ApplicationNotFound"));
                Assert.That(error.Message, Does.StartWith("Unable to identify proxy for host"));
                Assert.That(error.Kind, Is.EqualTo(GatewayErrorKind.ProviderRejected));
                return true;
            }
            case "stkquery-error-500.001.1001-being-processed.issue-LNMOnlineAndroidSample-13.json":
            {
                var error = Error(body, 500, GatewayErrorKind.ProviderRejected, "500.001.1001", "The transaction is being processed", "ws_CO_20022018230142206");
                var pending = StkQueryOutcome.PendingFrom(error, "ws_CO_20022018230142206");
                Assert.That(pending?.State, Is.EqualTo(PaymentState.Pending));
                return true;
            }
            case "oauth-token-response.official-docs.json":
            {
                var token = JsonSerializer.Deserialize(body, Json.DarajaTokenResponse)!;
                Assert.That(token.AccessToken, Is.EqualTo("c9SQxWWhmdVRlyh0zh8gZDTkubVF"));
                Assert.That(token.ExpiresIn, Is.EqualTo(3599));
                return true;
            }
            case "oauth-token-response-expires_in-string.issue-bdhobare-mpesa-android-sdk-5.json":
                Assert.That(JsonSerializer.Deserialize(body, Json.DarajaTokenResponse)!.ExpiresIn, Is.EqualTo(3599), "expires_in as a string");
                return true;
            case "stk-push-response.official-docs.json":
            {
                var response = JsonSerializer.Deserialize(body, Json.StkPushResponse)!;
                Assert.That(response.ResponseCode, Is.EqualTo("0"));
                Assert.That(response.MerchantRequestID, Is.EqualTo("2654-4b64-97ff-b827b542881d3130"));
                Assert.That(response.CheckoutRequestID, Is.EqualTo("ws_CO_1007202409152617172396192"));
                Assert.That(response.CustomerMessage, Is.EqualTo("Success. Request accepted for processing"));
                return true;
            }
            case "c2b-v2-registerurl-response.official-docs.json":
                Registered(body, "6e86-45dd-91ac-fd5d4178ab523408729");
                return true;
            case "c2b-v2-simulate-response.official-docs.json":
                Registered(body, "53e3-4aa8-9fe0-8fb5e4092cdd3405976");
                return true;
            case "accountbalance-response.official-docs.json":
                Accepted(body, "515-5258779-3", "AG_20200123_0000417fed8ed666e976");
                return true;
            case "b2c-v3-response.official-docs.json":
                Accepted(body, "600997_Test_32et3241ed8yu", "AG_20240706_20106e9209f64bebd05b");
                return true;
            case "reversal-response.official-docs.json":
                Accepted(body, "f1e2-4b95-a71d-b30d3cdbb7a7735297", "AG_20210706_20106e9209f64bebd05b");
                return true;
            case "transactionstatus-response.official-docs.json":
                Accepted(body, "1236-7134259-1", "AG_20210709_1234409f86436c583e3f");
                return true;
            case "pull-register-response.official-docs.json":
            {
                var response = JsonSerializer.Deserialize(body, Json.PullRegisterResponse)!;
                Assert.That(response.ResponseStatus, Is.EqualTo("1000"));
                Assert.That(response.ShortCode, Is.EqualTo("600000"));
                Assert.That(response.ResponseRefID, Is.EqualTo("feb5e3f2-fbc-4745-844c-ee37b546f627"));
                return true;
            }
            case "c2b-validation-response-accept.official-docs.json":
                Assert.That(JsonSerializer.Deserialize(body, Json.C2BValidationResponse), Is.EqualTo(C2BValidationResponse.Accept()));
                return true;
            case "c2b-validation-response-reject-C2B00011.official-docs.json":
                Assert.That(JsonSerializer.Deserialize(body, Json.C2BValidationResponse), Is.EqualTo(C2BValidationResponse.Reject("C2B00011")));
                return true;
            default:
                return false;
        }
    }

    private static StkCallback Stk(byte[] body)
    {
        var result = StkCallbackParser.Parse(body);
        Assert.That(result.IsSuccess, Is.True, result.Error?.Message);
        return result.Value;
    }

    private static void StkFailure(byte[] body, string checkoutId, string code, string description, PaymentFailureReason reason)
    {
        var stk = Stk(body);
        Assert.That(stk.CheckoutRequestId, Is.EqualTo(checkoutId));
        Assert.That(stk.ResultCode, Is.EqualTo(code));
        Assert.That(stk.ResultDescription, Is.EqualTo(description));
        Assert.That(stk.IsSuccess, Is.False);
        Assert.That(stk.AmountShillings, Is.Null);
        Assert.That(stk.ReceiptNumber, Is.Null);
        Assert.That(StkResultCodes.State(stk.ResultCode), Is.EqualTo(PaymentState.Failed));
        Assert.That(StkResultCodes.Reason(stk.ResultCode), Is.EqualTo(reason));
    }

    private static DarajaResult Result(byte[] body, string code, string originatorId, string conversationId, string transactionId)
    {
        var parsed = DarajaResultParser.Parse(body);
        Assert.That(parsed.IsSuccess, Is.True, parsed.Error?.Message);
        var result = parsed.Value;
        Assert.That(result.ResultCode, Is.EqualTo(code));
        Assert.That(result.OriginatorConversationId, Is.EqualTo(originatorId));
        Assert.That(result.ConversationId, Is.EqualTo(conversationId));
        Assert.That(result.TransactionId, Is.EqualTo(transactionId));
        Assert.That(result.IsSuccess, Is.EqualTo(code == "0"));
        return result;
    }

    private static GatewayError Error(byte[] body, int status, GatewayErrorKind kind, string code, string message, string requestId)
    {
        var error = DarajaErrorMapper.Map(status, body);
        Assert.That(error.Kind, Is.EqualTo(kind));
        Assert.That(error.Code, Is.EqualTo(code));
        Assert.That(error.Message, Is.EqualTo(message));
        Assert.That(error.RequestId, Is.EqualTo(requestId));
        Assert.That(error.HttpStatus, Is.EqualTo(status));
        return error;
    }

    private static void Registered(byte[] body, string id)
    {
        var response = JsonSerializer.Deserialize(body, Json.C2BRegisterUrlResponse)!;
        Assert.That(response.OriginatorCoversationID, Is.EqualTo(id));
        Assert.That(response.ResponseCode, Is.EqualTo("0"));
    }

    private static void Accepted(byte[] body, string originatorId, string conversationId)
    {
        var response = JsonSerializer.Deserialize(body, Json.DarajaAcceptedResponse)!;
        Assert.That(response.OriginatorConversationID, Is.EqualTo(originatorId));
        Assert.That(response.ConversationID, Is.EqualTo(conversationId));
        Assert.That(response.ResponseCode, Is.EqualTo("0"));
    }
}
