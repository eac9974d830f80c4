using System.Text.Json;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.KopoKopo;

namespace Hotspot.Tests.Providers;

/// <summary>
/// Every Kopo Kopo fixture (webhooks, results, token and error responses) is parsed and its important fields
/// checked; the signature vectors have their own test. Any other file without expectations fails the test.
/// </summary>
public class KopoKopoFixtureTests
{
    private static readonly KopoKopoJsonContext Json = KopoKopoJsonContext.Default;

    [Test]
    public void Every_kopokopo_webhook_result_and_response_fixture_parses()
    {
        var files = Directory.GetFiles(SharedFolder.Path("fixtures", "kopokopo"), "*.json").OrderBy(f => f).ToList();
        var checkedFiles = new List<string>();
        Assert.Multiple(() =>
        {
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                if (name == "signature_test_vectors.json")
                {
                    continue; // KopoKopoSignatureTests
                }

                Assert.That(Check(name, File.ReadAllBytes(file)), Is.True, $"{name} has no expectations");
                checkedFiles.Add(name);
            }
        });

        Assert.That(checkedFiles, Has.Count.EqualTo(files.Count - 1).And.Count.GreaterThanOrEqualTo(28));
    }

    private static bool Check(string name, byte[] body)
    {
        switch (name)
        {
            case "error_response_incoming_payment_400.json":
            {
                var error = KopoKopoErrorMapper.Map(400, body);
                Assert.That((error.Kind, error.Code, error.Message), Is.EqualTo((GatewayErrorKind.InvalidRequest, "400", "Subscriber phone number is an invalid number")));
                return true;
            }
            case "incoming_payment_result_success.json":
            {
                var result = Result<IncomingPaymentResult>(body, "a652f86f-f2aa-4d70-baa2-ccfe4b78f4fc", "Success");
                Assert.That(result.State, Is.EqualTo(PaymentState.Succeeded));
                Assert.That(result.Errors, Is.Null);
                var payment = result.Payment!;
                Assert.That((payment.Reference, payment.AmountShillings, payment.SenderPhoneNumber, payment.TillNumber, payment.Currency),
                    Is.EqualTo(("OJJ1MPU40Z", 100L, "+254999999999", "K514459", "KES")));
                Assert.That(payment.OriginationTime, Is.EqualTo(new DateTimeOffset(2020, 10, 19, 9, 24, 54, TimeSpan.FromHours(3))));
                Assert.That(result.Metadata["reference"], Is.EqualTo("123456"));
                Assert.That(result.SelfLink, Does.EndWith("/api/v1/incoming_payments/a652f86f-f2aa-4d70-baa2-ccfe4b78f4fc"));
                return true;
            }
            case "incoming_payment_result_success_numeric_amount_2025.json":
            {
                var payment = Result<IncomingPaymentResult>(body, "d7443ea0-d2d1-41f6-b269-aabcc4b8a932", "Success").Payment!;
                Assert.That((payment.Reference, payment.AmountShillings, payment.SenderPhoneNumber), Is.EqualTo(("12345678ab10", 115L, "+254929488147")));
                Assert.That(payment.HashedSenderPhone, Is.EqualTo("d30d07eef610b83d1f65f3a15280499552e5f0fcb86c3890d7375291c6ba4e70"));
                return true;
            }
            case "incoming_payment_result_failed.json":
            {
                var result = Result<IncomingPaymentResult>(body, "09bc45fc-3b97-4c44-b860-42a7bcbd7480", "Failed");
                Assert.That((result.State, result.Errors, result.FailureReason, result.Payment),
                    Is.EqualTo((PaymentState.Failed, "The initiator information is invalid.", PaymentFailureReason.WrongPin, (KopoKopoTillTransaction?)null)));
                return true;
            }
            case "incoming_payment_result_failed_insufficient_balance_2025.json":
            {
                var result = Result<IncomingPaymentResult>(body, "090cceda-2489-4343-8125-08a58ac0d9a0", "Failed");
                Assert.That((result.FailureReason, result.Errors), Is.EqualTo((PaymentFailureReason.InsufficientFunds, "The balance is insufficient for the transaction")));
                Assert.That(result.Metadata["customer_id"], Is.EqualTo("0"));
                Assert.That(result.Metadata["reference"], Is.EqualTo("ORDER_KEY"));
                return true;
            }
            case "incoming_payment_status_pending.json":
            {
                var result = Result<IncomingPaymentResult>(body, "e192ac63-8b24-4caf-8637-a2a9b75a14e6", "Pending");
                Assert.That((result.State, result.Payment, result.Errors), Is.EqualTo((PaymentState.Pending, (KopoKopoTillTransaction?)null, (string?)null)));
                return true;
            }
            case "send_money_result_v2.json":
            {
                var result = Result<SendMoneyResult>(body, "e848260e-5461-4633-be49-095a96d669b8", "Processed");
                Assert.That(result.State, Is.EqualTo(PaymentState.Succeeded));
                var disbursement = result.Disbursements.Single();
                Assert.That((disbursement.AmountShillings, disbursement.PhoneNumber, disbursement.TransactionReference, disbursement.Status),
                    Is.EqualTo((1000L, "254700000000", "DAVSM1757311336", "Transferred")));
                Assert.That(result.Metadata["customerId"], Is.EqualTo("8675309"));
                return true;
            }
            case "payment_result_v1.json":
            {
                var result = Result<PaymentResult>(body, "c6fda139-2480-4a93-95ed-f72c66b92364", "Processed");
                Assert.That(result.AmountShillings, Is.EqualTo(780L));
                Assert.That((result.Disbursements.Single().AmountShillings, result.Disbursements.Single().TransactionReference), Is.EqualTo((780L, "LBA10034460")));
                return true;
            }
            case "settlement_transfer_result_v1.json":
            {
                var result = Result<SettlementTransferResult>(body, "01aece24-e596-4f5c-9ace-9eb1a0939dda", "Processed");
                Assert.That(result.AmountShillings, Is.Null, "a blind transfer has no amount");
                Assert.That(result.Disbursements.Select(d => d.AmountShillings), Is.EqualTo(new long?[] { 19900, 24452, 25000 }));
                Assert.That(result.Disbursements[0].TransactionReference, Is.EqualTo("LDLJANAPH26"));
                return true;
            }
            case "reversal_result_v2_processed.json":
            {
                var result = Result<ReversalResult>(body, "326e7f56-ba94-4264-b380-43be64113554", "Processed");
                Assert.That((result.TransactionReference, result.ReversedAmountShillings, result.ReversalReference), Is.EqualTo(("DAV1777481072", 201L, "DAVREV1777481249")));
                return true;
            }
            case "reversal_status_v2_received.json":
            {
                var result = Result<ReversalResult>(body, "f000a63a-93bd-4922-8c98-06fcfd19efcf", "Received");
                Assert.That((result.TransactionReference, result.ReversedAmountShillings), Is.EqualTo(("JOHNBG2201202603", (long?)null)));
                return true;
            }
            case "payment_link_result_v2.json":
            {
                var result = Result<PaymentLinkResult>(body, "07f179dd-37cd-4c72-8d4c-b0798957f0a4", "Processed");
                Assert.That((result.AmountShillings, result.TillNumber, result.LinkStatus, result.TransactionReference, result.SenderPhoneNumber),
                    Is.EqualTo((3101L, "4000004", "Paid", "DAVSTK1777482274", "254716230902")));
                return true;
            }
            case "polling_result.json":
            {
                var result = Result<PollingResult>(body, "7aeb309d-8577-4546-8557-ef5d6c01b948", "Success");
                var transaction = result.Transactions.Single();
                Assert.That((transaction.Reference, transaction.AmountShillings, transaction.SenderPhoneNumber, transaction.TillNumber),
                    Is.EqualTo(("9e53317173f0d4b3fed16bb92fac74a4", 1L, "+254799999999", "K123456")));
                Assert.That(result.Scope, Is.EqualTo("Company"));
                return true;
            }
            case "transaction_sms_notification_result_v1.json":
            {
                var result = Result<SmsNotificationResult>(body, "9dfd9772-ce1c-4104-a12f-ca550d1b2bdf", "Success");
                Assert.That((result.Message, result.WebhookEventReference), Is.EqualTo(("Your message here", "ee9df9c4-b637-4a9d-bf49-df1af0c61387")));
                return true;
            }
            case "token_response.json":
            {
                var token = JsonSerializer.Deserialize(body, Json.KopoKopoTokenResponse)!;
                Assert.That((token.AccessToken, token.ExpiresIn, token.TokenType, token.CreatedAt),
                    Is.EqualTo(("0Sn0W6kzNicvoWhDbQcVSKLRUpGjIdlPSEYyrHqrDDoRnQwE7Q", 3600L, "Bearer", "2021-04-06T13:52:40+03:00")));
                return true;
            }
            case "token_response_epoch_created_at.json":
            {
                var token = JsonSerializer.Deserialize(body, Json.KopoKopoTokenResponse)!;
                Assert.That((token.AccessToken, token.ExpiresIn, token.CreatedAt), Is.EqualTo(("test-access-token", 10L, "1010")));
                return true;
            }
            case "token_info_response.json":
            {
                var info = JsonSerializer.Deserialize(body, Json.KopoKopoTokenInfo)!;
                Assert.That((info.ExpiresIn, info.CreatedAt, info.Application?.Uid), Is.EqualTo((531L, "1617702760", "AN19fbMMiWlJM0ek7MD4jGbO1jv2LzDXBi4wkGxHyp3")));
                return true;
            }
            case "token_introspect_response.json":
            {
                var introspection = JsonSerializer.Deserialize(body, Json.KopoKopoTokenIntrospection)!;
                Assert.That((introspection.Active, introspection.ClientId, introspection.Exp),
                    Is.EqualTo((true, "AN19fbMMiWlJM0ekQMD7jGbO1jv2LzDXBi4wkGxHypu", "2021-04-06T13:52:40+03:00")));
                return true;
            }
            case "webhook_buygoods_transaction_received.json":
            {
                var (webhook, transaction) = Transaction(body, "buygoods_transaction_received", "2133dbfb-24b9-40fc-ae57-2d7559785760", "OJM6Q1W84K", 100);
                Assert.That((transaction.SenderPhoneNumber, transaction.TillNumber, transaction.Status, transaction.SenderFirstName), Is.EqualTo(("+254999999999", "514459", "Received", "Jane")));
                Assert.That(webhook.CreatedAt, Is.EqualTo(new DateTimeOffset(2020, 10, 22, 10, 43, 20, TimeSpan.FromHours(3))));
                Assert.That(webhook.EventType, Is.EqualTo("Buygoods Transaction"));
                Assert.That(webhook.ResourceLink, Does.EndWith("/financial_transaction/458712f-gr76y-24b9-40fc-ae57-2d35785760"));
                return true;
            }
            case "webhook_buygoods_transaction_received_with_hashed_phone.json":
                Assert.That(Transaction(body, "buygoods_transaction_received", "2133dbfb-24b9-40fc-ae57-2d7559785760", "OJM6Q1W84K", 100).Transaction.HashedSenderPhone,
                    Is.EqualTo("abc123hashedphone"));
                return true;
            case "webhook_buygoods_transaction_reversed.json":
                Assert.That(Transaction(body, "buygoods_transaction_reversed", "98adf21e-5721-476a-8643-609b4a6513a2", "OJM6Q1W84K", 233).Transaction.Status,
                    Is.EqualTo("Reversed"));
                return true;
            case "webhook_b2b_transaction_received.json":
            {
                var transaction = Transaction(body, "b2b_transaction_received", "bcfb7175-bc7f-46e8-9727-eb46e6f88ef1", "OJQ8USH5XK", 313).Transaction;
                Assert.That((transaction.TillNumber, transaction.SendingTill, transaction.Status), Is.EqualTo(("461863", "890642", "Complete")));
                return true;
            }
            case "webhook_b2b_transaction_reversed.json":
                Assert.That(Transaction(body, "b2b_transaction_reversed", "98adf21e-5721-476a-8643-609b4a6513a2", "OJM6Q1W84K", 233).Transaction.SendingTill,
                    Is.EqualTo("Sending till"));
                return true;
            case "webhook_m2m_transaction_received.json":
            {
                var m2m = (KopoKopoMerchantTransfer)Webhook(body, "m2m_transaction_received", "5fbbcfc3-5b06-485e-929c-066741f4b14d").Resource;
                Assert.That((m2m.AmountShillings, m2m.SendingMerchant, m2m.Status), Is.EqualTo((456L, "Jane Flowers", "Received")));
                return true;
            }
            case "webhook_settlement_transfer_completed.json":
            {
                var settlement = (KopoKopoSettlement)Webhook(body, "settlement_transfer_completed", "052b7b2a-745b-4ca1-866b-b92d4a1418c3").Resource;
                Assert.That((settlement.AmountShillings, settlement.DestinationType, settlement.Status), Is.EqualTo((49452L, "Bank Account", "Transferred")));
                Assert.That(settlement.Disbursements.Select(d => d.AmountShillings), Is.EqualTo(new long?[] { 24452, 25000 }));
                return true;
            }
            case "webhook_customer_created.json":
            {
                var customer = (KopoKopoCustomer)Webhook(body, "customer_created", "f720ecf5-ff98-4ca8-a3f2-d70a65c4a02c").Resource;
                Assert.That(customer, Is.EqualTo(new KopoKopoCustomer("Jane", "M", "Doe", "+254999999999")));
                return true;
            }
            case "webhook_daraja_payload_buygoods.json":
            {
                var payment = ((KopoKopoDarajaPayload)Webhook(body, "daraja_payload", "OJM6Q1W84K").Resource).Payment;
                Assert.That((payment.AmountShillings, payment.BusinessShortCode, payment.Msisdn, payment.OrganizationBalance), Is.EqualTo((100L, "514459", "+254999999999", (decimal?)1000.0m)));
                return true;
            }
            case "webhook_daraja_payload_b2b.json":
            {
                var payment = ((KopoKopoDarajaPayload)Webhook(body, "daraja_payload", "OJQ8USH5XK").Resource).Payment;
                Assert.That((payment.AmountShillings, payment.BusinessShortCode, payment.Msisdn, payment.TransactionType), Is.EqualTo((313L, "461863", "+254888888888", "Business Payment")));
                return true;
            }
            default:
                return false;
        }
    }

    private static T Result<T>(byte[] body, string id, string status) where T : KopoKopoResult
    {
        var parsed = KopoKopoResultParser.Parse(body);
        Assert.That(parsed.IsSuccess, Is.True, parsed.Error?.Message);
        Assert.That(parsed.Value, Is.InstanceOf<T>());
        Assert.That((parsed.Value.Id, parsed.Value.Status), Is.EqualTo((id, status)));
        return (T)parsed.Value;
    }

    private static KopoKopoWebhook Webhook(byte[] body, string topic, string eventId)
    {
        var parsed = KopoKopoWebhookParser.Parse(body);
        Assert.That(parsed.IsSuccess, Is.True, parsed.Error?.Message);
        Assert.That((parsed.Value.Topic, parsed.Value.EventId), Is.EqualTo((topic, eventId)));
        return parsed.Value;
    }

    private static (KopoKopoWebhook Webhook, KopoKopoTillTransaction Transaction) Transaction(byte[] body, string topic, string eventId, string reference, long amount)
    {
        var webhook = Webhook(body, topic, eventId);
        var transaction = (KopoKopoTillTransaction)webhook.Resource;
        Assert.That((transaction.Reference, transaction.AmountShillings, transaction.Currency), Is.EqualTo((reference, amount, "KES")));
        return (webhook, transaction);
    }
}
