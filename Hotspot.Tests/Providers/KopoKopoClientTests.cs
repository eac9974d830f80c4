using Hotspot.Domain.Payments.Gateways;
using Hotspot.Providers.KopoKopo;
using Hotspot.Providers.KopoKopo.Simulator;
using Hotspot.Providers.Simulation;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Providers;

/// <summary>The Kopo Kopo client over real HTTP against the Kopo Kopo simulator.</summary>
public class KopoKopoClientTests
{
    private const string ApiKeyA = "made-up-api-key-a";
    private ProviderTestHost _host = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _host = await ProviderTestHost.StartAsync(kopoKopo: Register);

    [OneTimeTearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    private static void Register(KopoKopoSimulatorOptions options)
    {
        options.Applications.Add(new KopoKopoSimulatorApplication { ClientId = "client-a", ClientSecret = "secret-a", ApiKey = ApiKeyA });
        options.Applications.Add(new KopoKopoSimulatorApplication { ClientId = "client-b", ClientSecret = "secret-b", ApiKey = "made-up-api-key-b" });
    }

    private static KopoKopoCredentials Credentials(string till = "K514459") =>
        new() { ClientId = "client-a", ClientSecret = "secret-a", ApiKey = ApiKeyA, TillNumber = till, WebhookTillNumber = "514459" };

    private async Task<(Uri Location, string Box)> RequestAsync(string phone, long amount = 20, ProviderTestHost? host = null)
    {
        host ??= _host;
        var box = "k2-" + Guid.NewGuid().ToString("N");
        var result = await host.KopoKopo.RequestIncomingPaymentAsync(Credentials(),
            new IncomingPaymentCommand(phone, amount, host.InboxUrl(box), new Dictionary<string, string> { ["reference"] = box }, "Jane", "Doe"),
            CancellationToken.None);
        Assert.That(result.IsSuccess, Is.True, result.Error?.ToString());
        return (result.Value, box);
    }

    /// <summary>Every callback must carry a valid signature made with the application's API key.</summary>
    private async Task<IncomingPaymentResult> CallbackAsync(string box, int count = 1, int index = 0)
    {
        var callback = (await _host.Inbox.WaitForAsync(box, count))[index];
        Assert.That(KopoKopoSignature.Verify(ApiKeyA, callback.Body, callback.Headers[KopoKopoSignature.HeaderName]), Is.True);
        Assert.That(KopoKopoSignature.Verify("made-up-api-key-b", callback.Body, callback.Headers[KopoKopoSignature.HeaderName]), Is.False);
        return (IncomingPaymentResult)KopoKopoResultParser.Parse(callback.Body).Value;
    }

    [Test]
    public async Task Success_returns_a_location_posts_a_signed_result_and_the_status_agrees()
    {
        var (location, box) = await RequestAsync(SandboxScenarios.SuccessPhone, 35);
        Assert.That(location.AbsoluteUri, Does.StartWith(_host.Simulators.KopoKopoBaseUrl.AbsoluteUri + "api/v1/incoming_payments/"));

        var result = await CallbackAsync(box);
        Assert.That((result.State, result.Payment!.AmountShillings, result.Payment.SenderPhoneNumber, result.Payment.TillNumber),
            Is.EqualTo((PaymentState.Succeeded, 35L, "+" + SandboxScenarios.SuccessPhone, "K514459")));
        Assert.That(result.Id, Is.EqualTo(location.Segments[^1]));
        Assert.That(result.Metadata["reference"], Is.EqualTo(box));
        Assert.That(result.SelfLink, Is.EqualTo(location.AbsoluteUri));

        var status = await _host.KopoKopo.GetIncomingPaymentAsync(Credentials(), location, CancellationToken.None);
        Assert.That((status.Value.State, status.Value.Payment?.Reference), Is.EqualTo((PaymentState.Succeeded, result.Payment.Reference)));
    }

    [TestCase(SandboxScenarios.CancelledPhone, PaymentFailureReason.CancelledByUser)]
    [TestCase(SandboxScenarios.UnreachablePhone, PaymentFailureReason.PhoneUnreachable)]
    [TestCase(SandboxScenarios.InsufficientFundsPhone, PaymentFailureReason.InsufficientFunds)]
    [TestCase(SandboxScenarios.WrongPinPhone, PaymentFailureReason.WrongPin)]
    public async Task Failures_are_reported_with_an_error_string(string phone, PaymentFailureReason reason)
    {
        var (location, box) = await RequestAsync(phone);
        var result = await CallbackAsync(box);
        Assert.That((result.State, result.FailureReason, result.Payment), Is.EqualTo((PaymentState.Failed, reason, (KopoKopoTillTransaction?)null)));
        Assert.That(result.Errors, Is.Not.Empty);

        var status = (await _host.KopoKopo.GetIncomingPaymentAsync(Credentials(), location, CancellationToken.None)).Value;
        Assert.That((status.State, status.FailureReason, status.Errors), Is.EqualTo((PaymentState.Failed, reason, result.Errors)));
    }

    [Test]
    public async Task Lost_callback_is_only_visible_by_status()
    {
        var (location, box) = await RequestAsync(SandboxScenarios.LostCallbackPhone);
        var status = await PollUntilDecidedAsync(location);
        Assert.That(status.State, Is.EqualTo(PaymentState.Succeeded));
        await Task.Delay(200);
        Assert.That(_host.Inbox.In(box), Is.Empty);
    }

    [Test]
    public async Task Duplicate_callback_is_delivered_twice()
    {
        var (_, box) = await RequestAsync(SandboxScenarios.DuplicateCallbackPhone);
        var first = await CallbackAsync(box, count: 2, index: 0);
        var second = await CallbackAsync(box, count: 2, index: 1);
        Assert.That(second.Id, Is.EqualTo(first.Id));
        Assert.That(second.Payment!.Reference, Is.EqualTo(first.Payment!.Reference));
        Assert.That(_host.Inbox.In(box)[1].Body, Is.EqualTo(_host.Inbox.In(box)[0].Body));
    }

    [Test]
    public async Task Late_callback_arrives_after_the_configured_delay_while_the_status_already_knows()
    {
        var started = DateTimeOffset.UtcNow;
        var (location, box) = await RequestAsync(SandboxScenarios.LateCallbackPhone);
        Assert.That((await PollUntilDecidedAsync(location)).State, Is.EqualTo(PaymentState.Succeeded));
        Assert.That(_host.Inbox.In(box), Is.Empty);

        var result = await CallbackAsync(box);
        Assert.That(result.State, Is.EqualTo(PaymentState.Succeeded));
        Assert.That(_host.Inbox.In(box)[0].At - started, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(990)));
    }

    [Test]
    public async Task Provider_error_phone_gets_http_500_and_is_not_retried()
    {
        var before = _host.Simulators.KopoKopo.IncomingPaymentRequests;
        var result = await _host.KopoKopo.RequestIncomingPaymentAsync(Credentials(),
            new IncomingPaymentCommand(SandboxScenarios.ProviderErrorPhone, 20, _host.InboxUrl("never")), CancellationToken.None);
        Assert.That((result.Error?.Kind, result.Error?.Code, result.Error?.Retryable, result.Error?.HttpStatus),
            Is.EqualTo((GatewayErrorKind.ProviderUnavailable, "500", true, 500)));
        Assert.That(_host.Simulators.KopoKopo.IncomingPaymentRequests - before, Is.EqualTo(1));
    }

    [Test]
    public async Task Status_is_pending_until_the_outcome()
    {
        await using var slow = await ProviderTestHost.StartAsync(kopoKopo: options =>
        {
            Register(options);
            options.Delays.Result = TimeSpan.FromMinutes(5);
        });
        var (location, _) = await RequestAsync(SandboxScenarios.SuccessPhone, host: slow);
        var status = (await slow.KopoKopo.GetIncomingPaymentAsync(Credentials(), location, CancellationToken.None)).Value;
        Assert.That((status.Status, status.State, status.Payment), Is.EqualTo(("Pending", PaymentState.Pending, (KopoKopoTillTransaction?)null)));
    }

    [Test]
    public async Task Webhooks_are_subscribed_for_all_six_events_and_a_payment_notifies_the_till()
    {
        await using var host = await ProviderTestHost.StartAsync(kopoKopo: Register);
        var gateway = host.Services.GetRequiredService<KopoKopoPaymentGateway>();
        var box = "webhooks-" + Guid.NewGuid().ToString("N");
        var registered = await gateway.RegisterWebhooksAsync(Credentials(), new WebhookRegistration(host.InboxUrl(box)), CancellationToken.None);
        Assert.That(registered.Value.Registrations, Has.Count.EqualTo(6));
        Assert.That(registered.Value.Registrations, Has.All.Contains("/api/v1/webhook_subscriptions/"));

        var subscriptions = host.Simulators.KopoKopo.SubscriptionsOf("client-a");
        Assert.That(subscriptions.Select(s => s.EventType), Is.EquivalentTo(KopoKopoWebhookEvents.All));
        Assert.That(subscriptions.Where(s => s.Scope == "till").Select(s => (s.EventType, s.ScopeReference)), Is.EquivalentTo(new[]
        {
            ("buygoods_transaction_received", (string?)"514459"), ("buygoods_transaction_reversed", "514459"), ("b2b_transaction_received", "514459"),
        }));
        Assert.That(subscriptions.Where(s => s.Scope == "company").All(s => s.ScopeReference is null), Is.True);

        var (_, callbackBox) = await RequestAsync(SandboxScenarios.SuccessPhone, 40, host);
        var webhook = (await host.Inbox.WaitForAsync(box))[0];
        var notification = gateway.VerifyCallback(Credentials(), new PaymentCallback(webhook.Body, webhook.Headers)).Value;
        var result = (IncomingPaymentResult)KopoKopoResultParser.Parse((await host.Inbox.WaitForAsync(callbackBox))[0].Body).Value;
        Assert.That(notification.ProviderRequestId, Is.Null, "a till notification is not tied to our request");
        Assert.That((notification.Status.State, notification.Status.Receipt, notification.Status.AmountShillings),
            Is.EqualTo((PaymentState.Succeeded, result.Payment!.Reference, 40L)));
        Assert.That(KopoKopoWebhookParser.Parse(webhook.Body).Value.Topic, Is.EqualTo("buygoods_transaction_received"));
    }

    [Test]
    public async Task Webhook_subscription_errors_are_mapped()
    {
        var unknown = await _host.KopoKopo.SubscribeWebhookAsync(Credentials(), "card_transaction_received", _host.InboxUrl("x"), null, CancellationToken.None);
        Assert.That(unknown.Error?.Kind, Is.EqualTo(GatewayErrorKind.InvalidRequest));

        var company = await _host.KopoKopo.SubscribeWebhookAsync(Credentials(), KopoKopoWebhookEvents.CustomerCreated, _host.InboxUrl("x"), "514459", CancellationToken.None);
        Assert.That(company.IsSuccess, Is.True);
        Assert.That(_host.Simulators.KopoKopo.SubscriptionsOf("client-a").Any(s => s.EventType == "customer_created" && s.Scope == "company"), Is.True);
    }

    [Test]
    public async Task Send_money_to_a_wallet_posts_a_signed_result_and_the_status_agrees()
    {
        var box = "send-" + Guid.NewGuid().ToString("N");
        var location = (await _host.KopoKopo.SendMoneyAsync(Credentials(),
            new SendMoneyCommand(150, "Refund", _host.InboxUrl(box), PhoneNumber: SandboxScenarios.SuccessPhone, Nickname: "Customer"), CancellationToken.None)).Value;
        Assert.That(location.AbsoluteUri, Does.Contain("/api/v2/send_money/"));

        var callback = (await _host.Inbox.WaitForAsync(box))[0];
        Assert.That(KopoKopoSignature.Verify(ApiKeyA, callback.Body, callback.Headers[KopoKopoSignature.HeaderName]), Is.True);
        var result = (SendMoneyResult)KopoKopoResultParser.Parse(callback.Body).Value;
        var disbursement = result.Disbursements.Single();
        Assert.That((result.State, disbursement.AmountShillings, disbursement.PhoneNumber, disbursement.Status),
            Is.EqualTo((PaymentState.Succeeded, 150L, SandboxScenarios.SuccessPhone, "Transferred")));
        Assert.That(disbursement.TransactionReference, Is.Not.Empty);

        var status = (await _host.KopoKopo.GetSendMoneyAsync(Credentials(), location, CancellationToken.None)).Value;
        Assert.That((status.Status, status.Disbursements.Single().TransactionReference), Is.EqualTo(("Processed", disbursement.TransactionReference)));
    }

    [Test]
    public async Task Send_money_failure_and_till_destination()
    {
        var gateway = _host.Services.GetRequiredService<KopoKopoPaymentGateway>();
        var box = "send-" + Guid.NewGuid().ToString("N");
        var started = await gateway.SendMoneyAsync(Credentials(),
            new PayoutRequest(SandboxScenarios.InsufficientFundsPhone, 150, "Refund", "refund-1", _host.InboxUrl(box)), CancellationToken.None);
        var callback = (await _host.Inbox.WaitForAsync(box))[0];
        var notification = gateway.VerifyCallback(Credentials(), new PaymentCallback(callback.Body, callback.Headers)).Value;
        Assert.That(notification.ProviderRequestId, Is.EqualTo(started.Value.ProviderRequestId));
        Assert.That((notification.Status.State, notification.Status.FailureReason), Is.EqualTo((PaymentState.Failed, PaymentFailureReason.InsufficientFunds)));

        var tillBox = "till-" + Guid.NewGuid().ToString("N");
        var till = await _host.KopoKopo.SendMoneyAsync(Credentials(), new SendMoneyCommand(99, "Float", _host.InboxUrl(tillBox), TillNumber: "5123456"), CancellationToken.None);
        Assert.That(till.IsSuccess, Is.True, till.Error?.ToString());
        var tillResult = (SendMoneyResult)KopoKopoResultParser.Parse((await _host.Inbox.WaitForAsync(tillBox))[0].Body).Value;
        Assert.That((tillResult.State, tillResult.Disbursements.Single().DestinationType), Is.EqualTo((PaymentState.Succeeded, "till")));
    }

    [Test]
    public async Task Expired_token_is_refreshed_and_a_rejected_one_replaced_once()
    {
        await using var host = await ProviderTestHost.StartAsync(kopoKopo: options =>
        {
            Register(options);
            options.TokenLifetime = TimeSpan.FromSeconds(1);
        });
        var first = (await host.KopoKopo.GetAccessTokenAsync(Credentials(), CancellationToken.None)).Value;
        Assert.That(first.ExpiresAt - DateTimeOffset.UtcNow, Is.LessThan(TimeSpan.FromSeconds(2)));
        await Task.Delay(1000);
        var (location, _) = await RequestAsync(SandboxScenarios.SuccessPhone, host: host);
        Assert.That(host.Simulators.KopoKopo.TokenRequests, Is.EqualTo(2), "refreshed before use");

        // The provider forgets the token (revoked, or expired early): one 401, one refresh, one repeat.
        host.Simulators.KopoKopo.ExpireAllTokens();
        var status = await host.KopoKopo.GetIncomingPaymentAsync(Credentials(), location, CancellationToken.None);
        Assert.That(status.IsSuccess, Is.True, status.Error?.ToString());
        Assert.That(host.Simulators.KopoKopo.TokenRequests, Is.EqualTo(3));
    }

    [Test]
    public async Task Wrong_client_secret_is_invalid_credentials()
    {
        var gateway = _host.Services.GetRequiredService<KopoKopoPaymentGateway>();
        var result = await gateway.TestCredentialsAsync(Credentials() with { ClientSecret = "wrong" }, CancellationToken.None);
        Assert.That((result.Error?.Kind, result.Error?.Code), Is.EqualTo((GatewayErrorKind.InvalidCredentials, "invalid_client")));
        var right = await gateway.TestCredentialsAsync(Credentials(), CancellationToken.None);
        Assert.That(right.Value.TokenExpiresAt, Is.GreaterThan(DateTimeOffset.UtcNow.AddMinutes(50)));
    }

    [Test]
    public async Task Simulator_validation_errors_are_mapped()
    {
        var result = await _host.KopoKopo.RequestIncomingPaymentAsync(Credentials(till: "514459"),
            new IncomingPaymentCommand(SandboxScenarios.SuccessPhone, 20, _host.InboxUrl("x")), CancellationToken.None);
        Assert.That((result.Error?.Kind, result.Error?.Code, result.Error?.Message), Is.EqualTo((GatewayErrorKind.InvalidRequest, "400", "Till number is invalid")));
    }

    [TestCase("0712345678", 20)]
    [TestCase("+254712345678", 20)]
    [TestCase(SandboxScenarios.SuccessPhone, 0)]
    public async Task Bad_input_is_refused_before_calling_kopokopo(string phone, long amount)
    {
        var before = _host.Simulators.KopoKopo.IncomingPaymentRequests;
        var result = await _host.KopoKopo.RequestIncomingPaymentAsync(Credentials(), new IncomingPaymentCommand(phone, amount, _host.InboxUrl("x")), CancellationToken.None);
        Assert.That(result.Error?.Kind, Is.EqualTo(GatewayErrorKind.InvalidRequest));
        Assert.That(_host.Simulators.KopoKopo.IncomingPaymentRequests, Is.EqualTo(before));
    }

    [Test]
    public async Task The_token_is_never_sent_to_a_foreign_location()
    {
        var result = await _host.KopoKopo.GetIncomingPaymentAsync(Credentials(), new Uri("https://attacker.example/api/v1/incoming_payments/1"), CancellationToken.None);
        Assert.That(result.Error?.Kind, Is.EqualTo(GatewayErrorKind.InvalidRequest));
    }

    [Test]
    public async Task Gateway_starts_verifies_and_queries_a_payment()
    {
        var gateway = _host.Services.GetRequiredService<KopoKopoPaymentGateway>();
        var box = "gw-" + Guid.NewGuid().ToString("N");
        var started = (await gateway.StartPaymentAsync(Credentials(),
            new StartPaymentRequest(SandboxScenarios.SuccessPhone, 60, "VOUCHER9", "1 hour", _host.InboxUrl(box)), CancellationToken.None)).Value;

        var callback = (await _host.Inbox.WaitForAsync(box))[0];
        var notification = gateway.VerifyCallback(Credentials(), new PaymentCallback(callback.Body, callback.Headers)).Value;
        Assert.That(notification.ProviderRequestId, Is.EqualTo(started.Reference.ProviderRequestId));
        Assert.That((notification.Status.State, notification.Status.AmountShillings, notification.Status.PhoneNumber),
            Is.EqualTo((PaymentState.Succeeded, 60L, SandboxScenarios.SuccessPhone)));

        var tampered = (byte[])callback.Body.Clone();
        tampered[^3] ^= 1;
        Assert.That(gateway.VerifyCallback(Credentials(), new PaymentCallback(tampered, callback.Headers)).Error?.Kind, Is.EqualTo(GatewayErrorKind.InvalidCallback));

        var status = (await gateway.QueryPaymentAsync(Credentials(), started.Reference, CancellationToken.None)).Value;
        Assert.That((status.State, status.Receipt), Is.EqualTo((PaymentState.Succeeded, notification.Status.Receipt)));
    }

    private async Task<IncomingPaymentResult> PollUntilDecidedAsync(Uri location)
    {
        for (var i = 0; i < 200; i++)
        {
            var status = await _host.KopoKopo.GetIncomingPaymentAsync(Credentials(), location, CancellationToken.None);
            Assert.That(status.IsSuccess, Is.True, status.Error?.ToString());
            if (status.Value.State != PaymentState.Pending)
            {
                return status.Value;
            }

            await Task.Delay(10);
        }

        Assert.Fail("The payment stayed pending.");
        return null!;
    }
}
