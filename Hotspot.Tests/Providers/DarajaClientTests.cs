using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Providers.Daraja.Wire;
using Hotspot.Providers.Simulation;
using Hotspot.Providers.Tokens;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Providers;

/// <summary>The Daraja client over real HTTP against the Daraja simulator: every sandbox outcome, tokens, errors.</summary>
public class DarajaClientTests
{
    private const string InitiatorPassword = "Made-up#Initiator1";
    private ProviderTestHost _host = null!;
    private X509Certificate2 _certificate = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _certificate = SecurityCredentialTests.SelfSignedCertificate();
        _host = await ProviderTestHost.StartAsync(
            daraja: options =>
            {
                options.InitiatorCertificate = _certificate;
                options.InitiatorPassword = InitiatorPassword;
            },
            configuration: new Dictionary<string, string?> { ["Providers:Daraja:SandboxCertificatePem"] = _certificate.ExportCertificatePem() });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _host.DisposeAsync();
        _certificate.Dispose();
    }

    /// <summary>Each test uses its own Daraja app, so tokens and counters do not mix.</summary>
    private static DarajaCredentials Credentials(string? passKey = null, string shortCode = "174379") => new()
    {
        ConsumerKey = "key-" + Guid.NewGuid().ToString("N"),
        ConsumerSecret = "made-up-secret",
        ShortCode = shortCode,
        PassKey = passKey ?? DarajaSimulatorOptions.SandboxPassKey,
        InitiatorName = "testapi",
        InitiatorPassword = InitiatorPassword,
        B2CShortCode = "600997",
    };

    private async Task<(StkPushResponse Response, string Box)> PushAsync(DarajaCredentials credentials, string phone, long amount = 10)
    {
        var box = "stk-" + Guid.NewGuid().ToString("N");
        var result = await _host.Daraja.StkPushAsync(credentials, new StkPushCommand(phone, amount, "HOTSPOT1", "Wi-Fi 1 hour", _host.InboxUrl(box)), CancellationToken.None);
        Assert.That(result.IsSuccess, Is.True, result.Error?.ToString());
        return (result.Value, box);
    }

    [Test]
    public async Task Success_posts_a_callback_with_receipt_and_the_query_agrees()
    {
        var credentials = Credentials();
        var (response, box) = await PushAsync(credentials, SandboxScenarios.SuccessPhone, 25);
        Assert.That(response.ResponseCode, Is.EqualTo("0"));
        Assert.That(response.CheckoutRequestID, Does.StartWith("ws_CO_"));

        var callbacks = await _host.Inbox.WaitForAsync(box);
        var stk = StkCallbackParser.Parse(callbacks[0].Body).Value;
        Assert.That(stk.CheckoutRequestId, Is.EqualTo(response.CheckoutRequestID));
        Assert.That(stk.MerchantRequestId, Is.EqualTo(response.MerchantRequestID));
        Assert.That(stk.IsSuccess, Is.True);
        Assert.That(stk.AmountShillings, Is.EqualTo(25L));
        Assert.That(stk.PhoneNumber, Is.EqualTo(SandboxScenarios.SuccessPhone));
        Assert.That(stk.ReceiptNumber, Has.Length.EqualTo(10));

        var query = await _host.Daraja.QueryStkPushAsync(credentials, response.CheckoutRequestID!, CancellationToken.None);
        Assert.That(query.Value.State, Is.EqualTo(PaymentState.Succeeded));
        Assert.That(query.Value.ResultCode, Is.EqualTo("0"));
    }

    [TestCase(SandboxScenarios.CancelledPhone, "1032", PaymentFailureReason.CancelledByUser)]
    [TestCase(SandboxScenarios.UnreachablePhone, "1037", PaymentFailureReason.PhoneUnreachable)]
    [TestCase(SandboxScenarios.InsufficientFundsPhone, "1", PaymentFailureReason.InsufficientFunds)]
    [TestCase(SandboxScenarios.WrongPinPhone, "2001", PaymentFailureReason.WrongPin)]
    public async Task Failures_are_reported_by_callback_and_query(string phone, string code, PaymentFailureReason reason)
    {
        var credentials = Credentials();
        var (response, box) = await PushAsync(credentials, phone);

        var stk = StkCallbackParser.Parse((await _host.Inbox.WaitForAsync(box))[0].Body).Value;
        Assert.That(stk.ResultCode, Is.EqualTo(code));
        Assert.That(stk.AmountShillings, Is.Null);
        Assert.That(StkResultCodes.Reason(stk.ResultCode), Is.EqualTo(reason));

        var query = (await _host.Daraja.QueryStkPushAsync(credentials, response.CheckoutRequestID!, CancellationToken.None)).Value;
        Assert.That((query.State, query.ResultCode, query.FailureReason), Is.EqualTo((PaymentState.Failed, code, reason)));
    }

    [Test]
    public async Task Lost_callback_is_only_visible_by_query()
    {
        var credentials = Credentials();
        var (response, box) = await PushAsync(credentials, SandboxScenarios.LostCallbackPhone);

        var query = await PollUntilDecidedAsync(credentials, response.CheckoutRequestID!);
        Assert.That(query.State, Is.EqualTo(PaymentState.Succeeded));
        await Task.Delay(200);
        Assert.That(_host.Inbox.In(box), Is.Empty);
    }

    [Test]
    public async Task Duplicate_callback_is_delivered_twice_with_the_same_ids()
    {
        var (_, box) = await PushAsync(Credentials(), SandboxScenarios.DuplicateCallbackPhone);
        var callbacks = await _host.Inbox.WaitForAsync(box, count: 2);
        var first = StkCallbackParser.Parse(callbacks[0].Body).Value;
        var second = StkCallbackParser.Parse(callbacks[1].Body).Value;
        Assert.That(second, Is.EqualTo(first));
        Assert.That(first.IsSuccess, Is.True);
    }

    [Test]
    public async Task Late_callback_arrives_after_the_configured_delay_while_the_query_already_knows()
    {
        var credentials = Credentials();
        var started = DateTimeOffset.UtcNow;
        var (response, box) = await PushAsync(credentials, SandboxScenarios.LateCallbackPhone);

        var query = await PollUntilDecidedAsync(credentials, response.CheckoutRequestID!);
        Assert.That(query.State, Is.EqualTo(PaymentState.Succeeded));
        Assert.That(_host.Inbox.In(box), Is.Empty, "the callback is not there yet");

        var callbacks = await _host.Inbox.WaitForAsync(box);
        Assert.That(callbacks[0].At - started, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(990)));
        Assert.That(StkCallbackParser.Parse(callbacks[0].Body).Value.IsSuccess, Is.True);
    }

    [Test]
    public async Task Provider_error_phone_gets_spike_arrest_and_the_push_is_not_retried()
    {
        var before = _host.Simulators.Daraja.StkPushRequests;
        var result = await _host.Daraja.StkPushAsync(Credentials(),
            new StkPushCommand(SandboxScenarios.ProviderErrorPhone, 10, "HOTSPOT1", "Wi-Fi", _host.InboxUrl("never")), CancellationToken.None);

        Assert.That(result.IsSuccess, Is.False);
        Assert.That(result.Error!.Code, Is.EqualTo("500.003.02"));
        Assert.That(result.Error.Kind, Is.EqualTo(GatewayErrorKind.RateLimited));
        Assert.That(result.Error.Retryable, Is.True, "the caller may try again later");
        Assert.That(result.Error.HttpStatus, Is.EqualTo(500));
        Assert.That(_host.Simulators.Daraja.StkPushRequests - before, Is.EqualTo(1), "an STK push is never retried blindly");
    }

    [Test]
    public async Task Query_reports_pending_both_ways_until_the_outcome()
    {
        await using var slow = await ProviderTestHost.StartAsync(daraja: options => options.Delays.Result = TimeSpan.FromMinutes(5));
        var credentials = Credentials();
        var push = await slow.Daraja.StkPushAsync(credentials,
            new StkPushCommand(SandboxScenarios.SuccessPhone, 10, "HOTSPOT1", "Wi-Fi", slow.InboxUrl("slow")), CancellationToken.None);

        var first = (await slow.Daraja.QueryStkPushAsync(credentials, push.Value.CheckoutRequestID!, CancellationToken.None)).Value;
        var second = (await slow.Daraja.QueryStkPushAsync(credentials, push.Value.CheckoutRequestID!, CancellationToken.None)).Value;
        Assert.That((first.State, first.ResultCode, first.ResultDescription), Is.EqualTo((PaymentState.Pending, (string?)null, "The transaction is being processed")));
        Assert.That((second.State, second.ResultCode), Is.EqualTo((PaymentState.Pending, "4999")));
        Assert.That(second.CheckoutRequestId, Is.EqualTo(push.Value.CheckoutRequestID));
    }

    [Test]
    public async Task Spike_arrest_on_a_query_is_retried_but_not_on_a_push()
    {
        var credentials = Credentials();
        var (response, _) = await PushAsync(credentials, SandboxScenarios.SuccessPhone);
        await _host.Daraja.GetAccessTokenAsync(credentials, CancellationToken.None);

        _host.Simulators.Daraja.InjectSpikeArrests(2);
        var query = await _host.Daraja.QueryStkPushAsync(credentials, response.CheckoutRequestID!, CancellationToken.None);
        Assert.That(query.IsSuccess, Is.True, query.Error?.ToString());

        _host.Simulators.Daraja.InjectSpikeArrests(1);
        var before = _host.Simulators.Daraja.StkPushRequests;
        var push = await _host.Daraja.StkPushAsync(credentials,
            new StkPushCommand(SandboxScenarios.SuccessPhone, 10, "HOTSPOT1", "Wi-Fi", _host.InboxUrl("spiked")), CancellationToken.None);
        Assert.That(push.Error?.Code, Is.EqualTo("500.003.02"));
        Assert.That(_host.Simulators.Daraja.StkPushRequests - before, Is.EqualTo(1));
    }

    [Test]
    public async Task Token_is_cached_shared_through_the_store_and_fetched_once_under_concurrency()
    {
        var credentials = Credentials();
        var before = _host.Simulators.Daraja.TokenRequests;
        var tokens = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _host.Daraja.GetAccessTokenAsync(credentials, CancellationToken.None)));
        Assert.That(tokens.Select(t => t.Value.AccessToken).Distinct().Count(), Is.EqualTo(1));
        Assert.That(_host.Simulators.Daraja.TokenRequests - before, Is.EqualTo(1));

        // A second API instance: its own in-process cache, the same shared store.
        var otherInstance = new ProviderTokenCache(_host.TokenStore, TimeProvider.System);
        var other = ActivatorUtilities.CreateInstance<DarajaClient>(_host.Services, otherInstance);
        var shared = await other.GetAccessTokenAsync(credentials, CancellationToken.None);
        Assert.That(shared.Value.AccessToken, Is.EqualTo(tokens[0].Value.AccessToken));
        Assert.That(_host.Simulators.Daraja.TokenRequests - before, Is.EqualTo(1));
    }

    [Test]
    public async Task Expired_token_is_refreshed_before_use()
    {
        await using var host = await ProviderTestHost.StartAsync(daraja: options => options.TokenLifetime = TimeSpan.FromSeconds(1));
        var credentials = Credentials();
        var first = (await host.Daraja.GetAccessTokenAsync(credentials, CancellationToken.None)).Value;
        Assert.That(first.ExpiresAt - DateTimeOffset.UtcNow, Is.LessThan(TimeSpan.FromSeconds(2)), "expires_in was read");

        await Task.Delay(1000);
        var push = await host.Daraja.StkPushAsync(credentials,
            new StkPushCommand(SandboxScenarios.SuccessPhone, 10, "HOTSPOT1", "Wi-Fi", host.InboxUrl("refresh")), CancellationToken.None);
        Assert.That(push.IsSuccess, Is.True, push.Error?.ToString());
        Assert.That(host.Simulators.Daraja.TokenRequests, Is.EqualTo(2));
        Assert.That((await host.TokenStore.GetAsync(credentials.TokenCacheKey, CancellationToken.None))!.AccessToken, Is.Not.EqualTo(first.AccessToken));
    }

    [Test]
    public async Task A_rejected_token_is_replaced_once_and_the_call_repeated()
    {
        var credentials = Credentials();
        var stale = (await _host.Daraja.GetAccessTokenAsync(credentials, CancellationToken.None)).Value;
        var before = _host.Simulators.Daraja.TokenRequests;
        var pushesBefore = _host.Simulators.Daraja.StkPushRequests;

        // Another instance fetched a new token for the same app: Daraja invalidated ours (404.001.03).
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_host.Simulators.DarajaBaseUrl, "oauth/v1/generate?grant_type=client_credentials"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{credentials.ConsumerKey}:{credentials.ConsumerSecret}")));
        (await http.SendAsync(request)).EnsureSuccessStatusCode();

        var push = await _host.Daraja.StkPushAsync(credentials,
            new StkPushCommand(SandboxScenarios.SuccessPhone, 10, "HOTSPOT1", "Wi-Fi", _host.InboxUrl("replaced")), CancellationToken.None);
        Assert.That(push.IsSuccess, Is.True, push.Error?.ToString());
        Assert.That(_host.Simulators.Daraja.TokenRequests - before, Is.EqualTo(2), "one by the other instance, one refresh");
        Assert.That(_host.Simulators.Daraja.StkPushRequests - pushesBefore, Is.EqualTo(2), "rejected once, then accepted");
        Assert.That((await _host.TokenStore.GetAsync(credentials.TokenCacheKey, CancellationToken.None))!.AccessToken, Is.Not.EqualTo(stale.AccessToken));
    }

    [Test]
    public async Task Token_that_stays_invalid_is_refreshed_only_once()
    {
        var credentials = Credentials();
        // Poison the cache and the store with a token the simulator never issued, then keep it poisoned.
        var cache = new ProviderTokenCache(new PoisonedStore(), TimeProvider.System);
        var client = ActivatorUtilities.CreateInstance<DarajaClient>(_host.Services, cache);
        var before = _host.Simulators.Daraja.StkPushRequests;
        var push = await client.StkPushAsync(credentials,
            new StkPushCommand(SandboxScenarios.SuccessPhone, 10, "HOTSPOT1", "Wi-Fi", _host.InboxUrl("poisoned")), CancellationToken.None);
        Assert.That(push.Error?.Code, Is.EqualTo("404.001.03"));
        Assert.That(push.Error!.Kind, Is.EqualTo(GatewayErrorKind.InvalidCredentials));
        Assert.That(_host.Simulators.Daraja.StkPushRequests - before, Is.EqualTo(2));
    }

    [Test]
    public async Task Wrong_consumer_secret_is_invalid_credentials()
    {
        await using var host = await ProviderTestHost.StartAsync(daraja: options => options.Apps = new() { ["known-key"] = "known-secret" });
        var gateway = host.Services.GetRequiredService<DarajaPaymentGateway>();
        var wrong = Credentials() with { ConsumerKey = "known-key", ConsumerSecret = "wrong" };
        var result = await gateway.TestCredentialsAsync(wrong, CancellationToken.None);
        Assert.That((result.Error?.Kind, result.Error?.Code), Is.EqualTo((GatewayErrorKind.InvalidCredentials, "400.008.01")));

        var right = await gateway.TestCredentialsAsync(wrong with { ConsumerSecret = "known-secret" }, CancellationToken.None);
        Assert.That(right.Value.TokenExpiresAt, Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(50)));
    }

    [Test]
    public async Task Wrong_passkey_and_unknown_short_code_are_mapped()
    {
        var wrongPassKey = await _host.Daraja.StkPushAsync(Credentials(passKey: "not-the-passkey"),
            new StkPushCommand(SandboxScenarios.SuccessPhone, 10, "HOTSPOT1", "Wi-Fi", _host.InboxUrl("x")), CancellationToken.None);
        Assert.That((wrongPassKey.Error?.Code, wrongPassKey.Error?.Message, wrongPassKey.Error?.Kind),
            Is.EqualTo(("500.001.1001", "Wrong credentials", GatewayErrorKind.InvalidCredentials)));
        Assert.That(wrongPassKey.Error!.RequestId, Is.Not.Empty);

        var unknown = await _host.Daraja.StkPushAsync(Credentials(shortCode: "600000"),
            new StkPushCommand(SandboxScenarios.SuccessPhone, 10, "HOTSPOT1", "Wi-Fi", _host.InboxUrl("x")), CancellationToken.None);
        Assert.That(unknown.Error?.Message, Is.EqualTo("Merchant does not exist"));

        var badQuery = await _host.Daraja.QueryStkPushAsync(Credentials(), "ws_CO_unknown", CancellationToken.None);
        Assert.That((badQuery.Error?.Code, badQuery.Error?.Message, badQuery.Error?.Kind),
            Is.EqualTo(("400.002.02", "Bad Request - Invalid CheckoutRequestID", GatewayErrorKind.InvalidRequest)));
    }

    [TestCase("0712345678", 10, "HOTSPOT1", "Wi-Fi")]
    [TestCase("254812345678", 10, "HOTSPOT1", "Wi-Fi")]
    [TestCase("25471234567", 10, "HOTSPOT1", "Wi-Fi")]
    [TestCase(SandboxScenarios.SuccessPhone, 0, "HOTSPOT1", "Wi-Fi")]
    [TestCase(SandboxScenarios.SuccessPhone, 250_001, "HOTSPOT1", "Wi-Fi")]
    [TestCase(SandboxScenarios.SuccessPhone, 10, "THIRTEEN-CHAR", "Wi-Fi")]
    [TestCase(SandboxScenarios.SuccessPhone, 10, "HOTSPOT1", "fourteen chars")]
    [TestCase(SandboxScenarios.SuccessPhone, 10, "", "Wi-Fi")]
    public async Task Bad_input_is_refused_before_calling_daraja(string phone, long amount, string reference, string description)
    {
        var before = _host.Simulators.Daraja.StkPushRequests;
        var result = await _host.Daraja.StkPushAsync(Credentials(), new StkPushCommand(phone, amount, reference, description, _host.InboxUrl("x")), CancellationToken.None);
        Assert.That(result.Error?.Kind, Is.EqualTo(GatewayErrorKind.InvalidRequest));
        Assert.That(_host.Simulators.Daraja.StkPushRequests, Is.EqualTo(before));
    }

    [Test]
    public async Task Buy_goods_sends_the_till_as_party_b()
    {
        var credentials = Credentials() with { TransactionType = MpesaTransactionType.BuyGoods, TillNumber = "5123456" };
        var (response, box) = await PushAsync(credentials, SandboxScenarios.SuccessPhone);
        Assert.That(StkCallbackParser.Parse((await _host.Inbox.WaitForAsync(box))[0].Body).Value.CheckoutRequestId, Is.EqualTo(response.CheckoutRequestID));
    }

    [Test]
    public async Task B2C_refund_with_encrypted_initiator_password_posts_a_result()
    {
        var box = "b2c-" + Guid.NewGuid().ToString("N");
        var originator = Guid.NewGuid().ToString("N");
        var command = new B2CPaymentCommand(originator, SandboxScenarios.SuccessPhone, 50, "Refund voucher", _host.InboxUrl(box), _host.InboxUrl(box + "-timeout"));
        var credentials = Credentials();
        var accepted = await _host.Daraja.B2CPaymentAsync(credentials, command, CancellationToken.None);
        Assert.That(accepted.Value.ResponseCode, Is.EqualTo("0"));
        Assert.That(accepted.Value.OriginatorConversationID, Is.EqualTo(originator));

        var result = DarajaResultParser.Parse((await _host.Inbox.WaitForAsync(box))[0].Body).Value;
        Assert.That(result.ResultCode, Is.EqualTo("0"));
        Assert.That(result.OriginatorConversationId, Is.EqualTo(originator));
        Assert.That(result.ConversationId, Is.EqualTo(accepted.Value.ConversationID));
        Assert.That(result.Parameter("TransactionAmount"), Is.EqualTo("50"));
        Assert.That(result.Parameter("TransactionReceipt"), Is.EqualTo(result.TransactionId));

        var duplicate = await _host.Daraja.B2CPaymentAsync(credentials, command, CancellationToken.None);
        Assert.That((duplicate.Error?.Code, duplicate.Error?.Kind), Is.EqualTo(("500.002.1001", GatewayErrorKind.InvalidRequest)));

        var statusBox = "status-" + Guid.NewGuid().ToString("N");
        var status = await _host.Daraja.TransactionStatusAsync(credentials,
            new TransactionStatusCommand(result.TransactionId, null, _host.InboxUrl(statusBox), _host.InboxUrl(statusBox + "-timeout")), CancellationToken.None);
        Assert.That(status.Value.ResponseCode, Is.EqualTo("0"));
        var statusResult = DarajaResultParser.Parse((await _host.Inbox.WaitForAsync(statusBox))[0].Body).Value;
        Assert.That(statusResult.Parameter("ReceiptNo"), Is.EqualTo(result.TransactionId));
        Assert.That(statusResult.Parameter("Amount"), Is.EqualTo("50"));
        Assert.That(statusResult.Parameter("TransactionStatus"), Is.EqualTo("Completed"));
    }

    [Test]
    public async Task B2C_with_the_wrong_initiator_password_fails_asynchronously_with_2001()
    {
        var box = "b2c-" + Guid.NewGuid().ToString("N");
        var credentials = Credentials() with { InitiatorPassword = "wrong-password" };
        var accepted = await _host.Daraja.B2CPaymentAsync(credentials,
            new B2CPaymentCommand(Guid.NewGuid().ToString("N"), SandboxScenarios.SuccessPhone, 50, "Refund", _host.InboxUrl(box), _host.InboxUrl(box)), CancellationToken.None);
        Assert.That(accepted.IsSuccess, Is.True);
        var result = DarajaResultParser.Parse((await _host.Inbox.WaitForAsync(box))[0].Body).Value;
        Assert.That((result.ResultCode, result.ResultDescription), Is.EqualTo(("2001", "The initiator information is invalid.")));
        Assert.That(result.Parameters, Is.Empty);
    }

    [Test]
    public async Task Transaction_status_reveals_a_paid_stk_push_by_receipt()
    {
        var credentials = Credentials();
        var (_, box) = await PushAsync(credentials, SandboxScenarios.SuccessPhone, 30);
        var receipt = StkCallbackParser.Parse((await _host.Inbox.WaitForAsync(box))[0].Body).Value.ReceiptNumber;

        var statusBox = "status-" + Guid.NewGuid().ToString("N");
        await _host.Daraja.TransactionStatusAsync(credentials,
            new TransactionStatusCommand(receipt, null, _host.InboxUrl(statusBox), _host.InboxUrl(statusBox)), CancellationToken.None);
        var result = DarajaResultParser.Parse((await _host.Inbox.WaitForAsync(statusBox))[0].Body).Value;
        Assert.That((result.ResultCode, result.Parameter("ReceiptNo"), result.Parameter("Amount")), Is.EqualTo(("0", receipt, "30")));
    }

    [TestCase("v1")]
    [TestCase("v2")]
    public async Task C2B_urls_register_by_configured_version_and_payments_are_notified(string version)
    {
        await using var host = await ProviderTestHost.StartAsync(configuration: new Dictionary<string, string?> { ["Providers:Daraja:C2BRegisterUrlVersion"] = version });
        var credentials = Credentials(shortCode: "600984");
        var box = "c2b-" + Guid.NewGuid().ToString("N");
        var gateway = host.Services.GetRequiredService<DarajaPaymentGateway>();
        var registered = await gateway.RegisterWebhooksAsync(credentials, new WebhookRegistration(host.InboxUrl(box), host.InboxUrl(box + "-validate")), CancellationToken.None);
        Assert.That(registered.IsSuccess, Is.True, registered.Error?.ToString());
        Assert.That(host.Simulators.Daraja.RegistrationFor("600984")?.Version, Is.EqualTo(version));

        // Simulate a customer paying the paybill (sandbox only endpoint).
        var token = (await host.Daraja.GetAccessTokenAsync(credentials, CancellationToken.None)).Value.AccessToken;
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var simulate = await http.PostAsJsonAsync(new Uri(host.Simulators.DarajaBaseUrl, $"mpesa/c2b/{version}/simulate"),
            new { ShortCode = 600984, CommandID = "CustomerPayBillOnline", Amount = 75, Msisdn = 254708374149, BillRefNumber = "VOUCHER42" }, new System.Text.Json.JsonSerializerOptions());
        Assert.That((int)simulate.StatusCode, Is.EqualTo(200), await simulate.Content.ReadAsStringAsync());

        var validation = C2BNotificationParser.Parse((await host.Inbox.WaitForAsync(box + "-validate"))[0].Body).Value;
        var confirmation = C2BNotificationParser.Parse((await host.Inbox.WaitForAsync(box))[0].Body).Value;
        Assert.That(confirmation.TransactionId, Is.EqualTo(validation.TransactionId));
        Assert.That((confirmation.AmountShillings, confirmation.BillReference, confirmation.BusinessShortCode), Is.EqualTo((75L, "VOUCHER42", "600984")));
        Assert.That(validation.OrganizationBalance, Is.Null);
        Assert.That(confirmation.OrganizationBalance, Is.Not.Null);
        Assert.That(confirmation.Msisdn, version == "v1" ? Has.Length.EqualTo(64) : Is.EqualTo("2547 ***** 149"));
    }

    [Test]
    public async Task C2B_validation_rejection_stops_the_confirmation()
    {
        var credentials = Credentials(shortCode: "600985");
        var box = "c2b-" + Guid.NewGuid().ToString("N");
        var registered = await _host.Daraja.RegisterC2BUrlsAsync(credentials, _host.InboxUrl(box), _host.InboxUrl("reject-" + box), true, CancellationToken.None);
        Assert.That(registered.Value.ResponseCode, Is.EqualTo("0"));

        var token = (await _host.Daraja.GetAccessTokenAsync(credentials, CancellationToken.None)).Value.AccessToken;
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await http.PostAsJsonAsync(new Uri(_host.Simulators.DarajaBaseUrl, "mpesa/c2b/v2/simulate"),
            new { ShortCode = "600985", CommandID = "CustomerPayBillOnline", Amount = "5", Msisdn = "254708374149", BillRefNumber = "X" }, new System.Text.Json.JsonSerializerOptions());
        await _host.Inbox.WaitForAsync("reject-" + box);
        await Task.Delay(100);
        Assert.That(_host.Inbox.In(box), Is.Empty);
    }

    [Test]
    public async Task C2B_urls_with_forbidden_words_are_refused()
    {
        var result = await _host.Daraja.RegisterC2BUrlsAsync(Credentials(shortCode: "600986"),
            new Uri(_host.Simulators.BaseAddress, "inbox/mpesa-confirm"), _host.InboxUrl("validate"), true, CancellationToken.None);
        Assert.That((result.Error?.Code, result.Error?.Message), Is.EqualTo(("400.002.02", "Bad Request - Invalid ConfirmationURL")));
    }

    [Test]
    public async Task Simulator_validates_requests_like_daraja()
    {
        var credentials = Credentials();
        var token = (await _host.Daraja.GetAccessTokenAsync(credentials, CancellationToken.None)).Value.AccessToken;
        using var http = new HttpClient();
        var url = new Uri(_host.Simulators.DarajaBaseUrl, "mpesa/stkpush/v1/processrequest");
        var timestamp = StkPassword.Timestamp(DateTimeOffset.UtcNow);
        var password = StkPassword.Create("174379", DarajaSimulatorOptions.SandboxPassKey, timestamp);

        async Task<(int Status, string? Code, string? Message)> Send(object body, string? bearer = null, string contentType = "application/json")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, contentType),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? token);
            using var response = await http.SendAsync(request);
            var error = DarajaErrorMapper.Map((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
            return ((int)response.StatusCode, error.Code, error.Message);
        }

        object Body(object amount, string phone = "254708374149", string reference = "REF", string? ts = null) => new
        {
            BusinessShortCode = "174379", Password = password, Timestamp = ts ?? timestamp, TransactionType = "CustomerPayBillOnline",
            Amount = amount, PartyA = phone, PartyB = "174379", PhoneNumber = phone, CallBackURL = _host.InboxUrl("raw").AbsoluteUri,
            AccountReference = reference, TransactionDesc = "Wi-Fi",
        };

        Assert.That(await Send(Body("1.5")), Is.EqualTo((400, "400.002.02", "Bad Request - Invalid Amount")));
        Assert.That(await Send(Body(1.5)), Is.EqualTo((400, "400.002.02", "Bad Request - Invalid Amount")));
        Assert.That(await Send(Body(10, phone: "0708374149")), Is.EqualTo((400, "400.002.02", "Bad Request - Invalid PartyA")));
        Assert.That(await Send(Body(10, reference: "ABCDEFGHIJKLM")), Is.EqualTo((400, "400.002.02", "Bad Request - Invalid AccountReference")));
        Assert.That(await Send(Body(10, ts: "2024-01-01")), Is.EqualTo((400, "400.002.02", "Bad Request - Invalid Timestamp")));
        Assert.That(await Send(Body(10), contentType: "text/plain"), Is.EqualTo((400, "400.002.02", "Bad Request - Invalid BusinessShortCode")));
        Assert.That(await Send(Body(10), bearer: "made-up-token"), Is.EqualTo((404, "404.001.03", "Invalid Access Token")));
        Assert.That((await Send(Body("10"))).Status, Is.EqualTo(200), "amounts as strings are accepted, as by Daraja");
    }

    [Test]
    public async Task Gateway_starts_reads_and_queries_a_payment_and_sends_a_refund()
    {
        var gateway = _host.Services.GetRequiredService<DarajaPaymentGateway>();
        var credentials = Credentials();
        var box = "gw-" + Guid.NewGuid().ToString("N");
        var started = (await gateway.StartPaymentAsync(credentials,
            new StartPaymentRequest(SandboxScenarios.CancelledPhone, 20, "VOUCHER9", "1 hour", _host.InboxUrl(box)), CancellationToken.None)).Value;
        Assert.That(started.Reference.ProviderRequestId, Does.StartWith("ws_CO_"));
        Assert.That(started.Reference.SecondaryId, Is.Not.Empty);

        var callback = (await _host.Inbox.WaitForAsync(box))[0];
        var notification = gateway.VerifyCallback(credentials, new PaymentCallback(callback.Body, callback.Headers)).Value;
        Assert.That(notification.ProviderRequestId, Is.EqualTo(started.Reference.ProviderRequestId));
        Assert.That((notification.Status.State, notification.Status.FailureReason, notification.Status.ResultCode),
            Is.EqualTo((PaymentState.Failed, PaymentFailureReason.CancelledByUser, "1032")));

        var status = (await gateway.QueryPaymentAsync(credentials, started.Reference, CancellationToken.None)).Value;
        Assert.That((status.State, status.FailureReason), Is.EqualTo((PaymentState.Failed, PaymentFailureReason.CancelledByUser)));

        var refundBox = "refund-" + Guid.NewGuid().ToString("N");
        var refund = await gateway.SendMoneyAsync(credentials,
            new PayoutRequest(SandboxScenarios.SuccessPhone, 20, "Refund", Guid.NewGuid().ToString("N"), _host.InboxUrl(refundBox)), CancellationToken.None);
        Assert.That(refund.Value.ProviderRequestId, Does.StartWith("AG_"));
        Assert.That(DarajaResultParser.Parse((await _host.Inbox.WaitForAsync(refundBox))[0].Body).Value.ConversationId, Is.EqualTo(refund.Value.ProviderRequestId));

        var wrongKind = await gateway.StartPaymentAsync(
            new Hotspot.Providers.KopoKopo.KopoKopoCredentials { ClientId = "c", ClientSecret = "s", ApiKey = "k", TillNumber = "K1" },
            new StartPaymentRequest(SandboxScenarios.SuccessPhone, 20, "V", "W", _host.InboxUrl(box)), CancellationToken.None);
        Assert.That(wrongKind.Error?.Code, Is.EqualTo("wrong_credentials"));
        Assert.That(gateway.VerifyCallback(credentials, new PaymentCallback("not json"u8.ToArray(), new Dictionary<string, string>())).Error?.Kind,
            Is.EqualTo(GatewayErrorKind.InvalidCallback));
    }

    private async Task<StkQueryOutcome> PollUntilDecidedAsync(DarajaCredentials credentials, string checkoutRequestId)
    {
        for (var i = 0; i < 200; i++)
        {
            var outcome = await _host.Daraja.QueryStkPushAsync(credentials, checkoutRequestId, CancellationToken.None);
            Assert.That(outcome.IsSuccess, Is.True, outcome.Error?.ToString());
            if (outcome.Value.State != PaymentState.Pending)
            {
                return outcome.Value;
            }

            await Task.Delay(10);
        }

        Assert.Fail("The payment stayed pending.");
        return null!;
    }

    /// <summary>A token store that always hands out a token the provider never issued.</summary>
    private sealed class PoisonedStore : IProviderTokenStore
    {
        public Task<ProviderToken?> GetAsync(string cacheKey, CancellationToken cancellationToken) =>
            Task.FromResult<ProviderToken?>(new ProviderToken("never-issued", DateTimeOffset.UtcNow.AddHours(1)));

        public Task SaveAsync(string cacheKey, ProviderToken token, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RemoveAsync(string cacheKey, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IAsyncDisposable> LockAsync(string cacheKey, CancellationToken cancellationToken) => Task.FromResult<IAsyncDisposable>(new NoLock());

        private sealed class NoLock : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
