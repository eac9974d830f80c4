using Hotspot.Domain;
using Hotspot.Domain.Auditing;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments;

namespace Hotspot.Tests.Domain;

public class OrganizationTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static MpesaConfiguration Mpesa() => MpesaConfiguration.Create(
        PaymentEnvironment.Sandbox, "174379", MpesaTransactionType.Paybill, null, "made-up-key", "made-up-secret", "made-up-passkey");

    private static KopoKopoConfiguration KopoKopo() => KopoKopoConfiguration.Create(
        PaymentEnvironment.Sandbox, "made-up-client", "made-up-client-secret", "made-up-api-key", "Test ISP", "K000123");

    private static Organization NewOrganization()
    {
        var organization = Organization.Create("Test ISP", "creator", Now);
        organization.TakePendingAuditEntries();
        return organization;
    }

    [Test]
    public void A_new_organization_has_no_method_and_both_are_not_configured()
    {
        var organization = Organization.Create("  Test ISP ", "creator", Now);
        Assert.That(organization.Name, Is.EqualTo("Test ISP"));
        Assert.That(organization.PaymentMethod, Is.Null);
        Assert.That(organization.StateOf(PaymentMethodType.Mpesa), Is.EqualTo(PaymentMethodState.NotConfigured));
        Assert.That(organization.StateOf(PaymentMethodType.KopoKopo), Is.EqualTo(PaymentMethodState.NotConfigured));
        Assert.That(organization.DarajaCallbackToken, Has.Length.EqualTo(64));
        Assert.That(organization.PendingAuditEntries.Single().Action, Is.EqualTo(AuditActions.OrganizationCreated));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void An_organization_needs_a_name(string? name) =>
        Assert.Throws<DomainException>(() => Organization.Create(name, "creator", Now));

    [Test]
    public void A_method_can_be_made_active_only_when_configured()
    {
        var organization = NewOrganization();
        var error = Assert.Throws<DomainException>(() => organization.ActivatePaymentMethod(PaymentMethodType.Mpesa, "admin", Now));
        Assert.That(error!.Code, Is.EqualTo(DomainErrorCodes.PaymentMethodNotConfigured));
        Assert.That(organization.PaymentMethod, Is.Null);
        Assert.That(organization.PendingAuditEntries, Is.Empty);

        organization.ConfigureMpesa(Mpesa(), "admin", Now);
        Assert.That(organization.StateOf(PaymentMethodType.Mpesa), Is.EqualTo(PaymentMethodState.Configured));
        organization.ActivatePaymentMethod(PaymentMethodType.Mpesa, "admin", Now);
        Assert.That(organization.StateOf(PaymentMethodType.Mpesa), Is.EqualTo(PaymentMethodState.Active));
    }

    [Test]
    public void Making_one_method_active_makes_the_other_inactive()
    {
        var organization = NewOrganization();
        organization.ConfigureMpesa(Mpesa(), "admin", Now);
        organization.ConfigureKopoKopo(KopoKopo(), "admin", Now);
        organization.ActivatePaymentMethod(PaymentMethodType.Mpesa, "admin", Now);

        organization.ActivatePaymentMethod(PaymentMethodType.KopoKopo, "admin", Now);

        Assert.That(organization.PaymentMethod, Is.EqualTo(PaymentMethodType.KopoKopo));
        Assert.That(organization.StateOf(PaymentMethodType.KopoKopo), Is.EqualTo(PaymentMethodState.Active));
        Assert.That(organization.StateOf(PaymentMethodType.Mpesa), Is.EqualTo(PaymentMethodState.Configured));
        Assert.That(organization.PendingAuditEntries.Last().Details, Does.Contain("was M-Pesa"));
    }

    [Test]
    public void Clearing_the_active_methods_configuration_leaves_no_active_method()
    {
        var organization = NewOrganization();
        organization.ConfigureKopoKopo(KopoKopo(), "admin", Now);
        organization.ConfigureMpesa(Mpesa(), "admin", Now);
        organization.ActivatePaymentMethod(PaymentMethodType.KopoKopo, "admin", Now);

        organization.ClearKopoKopoConfiguration("admin", Now);

        Assert.That(organization.PaymentMethod, Is.Null);
        Assert.That(organization.StateOf(PaymentMethodType.KopoKopo), Is.EqualTo(PaymentMethodState.NotConfigured));
        Assert.That(organization.StateOf(PaymentMethodType.Mpesa), Is.EqualTo(PaymentMethodState.Configured), "the other is not activated by itself");
    }

    [Test]
    public void Clearing_an_inactive_configuration_keeps_the_active_method()
    {
        var organization = NewOrganization();
        organization.ConfigureKopoKopo(KopoKopo(), "admin", Now);
        organization.ConfigureMpesa(Mpesa(), "admin", Now);
        organization.ActivatePaymentMethod(PaymentMethodType.Mpesa, "admin", Now);
        organization.ClearKopoKopoConfiguration("admin", Now);
        Assert.That(organization.PaymentMethod, Is.EqualTo(PaymentMethodType.Mpesa));
    }

    [Test]
    public void Every_change_produces_an_audit_entry_with_who_what_when_and_organization()
    {
        var organization = NewOrganization();
        var later = Now.AddMinutes(5);
        organization.ConfigureMpesa(Mpesa(), "alice", Now);
        organization.ConfigureKopoKopo(KopoKopo(), "alice", Now);
        organization.ActivatePaymentMethod(PaymentMethodType.Mpesa, "bob", later);
        organization.ActivatePaymentMethod(PaymentMethodType.Mpesa, "bob", later); // no change, no entry
        organization.RecordMpesaCredentialTest("401 Unauthorized", "bob", later);
        organization.DeactivatePaymentMethod("carol", later);
        organization.ClearMpesaConfiguration("carol", later);

        var entries = organization.TakePendingAuditEntries();
        Assert.That(entries.Select(e => e.Action), Is.EqualTo(new[]
        {
            AuditActions.MpesaConfigured, AuditActions.KopoKopoConfigured, AuditActions.PaymentMethodActivated,
            AuditActions.MpesaCredentialsTested, AuditActions.PaymentMethodDeactivated, AuditActions.MpesaCleared,
        }));
        Assert.That(entries.All(e => e.OrganizationId == organization.Id), Is.True);
        Assert.That(entries.Select(e => e.Actor), Is.EqualTo(new[] { "alice", "alice", "bob", "bob", "carol", "carol" }));
        Assert.That(entries[2].At, Is.EqualTo(later));
        Assert.That(organization.PendingAuditEntries, Is.Empty, "taken entries are not handed out twice");
    }

    [Test]
    public void Audit_entries_never_contain_a_secret()
    {
        var organization = Organization.Create("Test ISP", "admin", Now);
        organization.ConfigureMpesa(Mpesa(), "admin", Now);
        organization.ConfigureKopoKopo(KopoKopo(), "admin", Now);
        var text = string.Join("\n", organization.PendingAuditEntries.Select(e => e.Details));
        foreach (var secret in new[] { "made-up-key", "made-up-secret", "made-up-passkey", "made-up-client-secret", "made-up-api-key" })
            Assert.That(text, Does.Not.Contain(secret));
    }

    [Test]
    public void Credential_tests_are_recorded_and_a_new_configuration_starts_unverified()
    {
        var organization = NewOrganization();
        organization.ConfigureMpesa(Mpesa(), "admin", Now);
        organization.RecordMpesaCredentialTest(null, "admin", Now);
        Assert.That(organization.MpesaConfiguration!.CredentialsVerified, Is.True);
        Assert.That(organization.MpesaConfiguration.LastTestedAt, Is.EqualTo(Now));

        organization.RecordMpesaCredentialTest("400.002.02 Bad Request", "admin", Now);
        Assert.That(organization.MpesaConfiguration.CredentialsVerified, Is.False);
        Assert.That(organization.MpesaConfiguration.LastTestError, Is.EqualTo("400.002.02 Bad Request"));

        organization.RecordMpesaCredentialTest(null, "admin", Now);
        organization.ConfigureMpesa(Mpesa(), "admin", Now);
        Assert.That(organization.MpesaConfiguration.CredentialsVerified, Is.False);
    }

    [Test]
    public void Testing_credentials_of_an_unconfigured_method_is_refused()
    {
        var organization = NewOrganization();
        var error = Assert.Throws<DomainException>(() => organization.RecordKopoKopoCredentialTest(null, "admin", Now));
        Assert.That(error!.Code, Is.EqualTo(DomainErrorCodes.PaymentMethodNotConfigured));
    }

    [Test]
    public void Webhook_subscriptions_keep_their_state_and_survive_a_resave_of_the_same_till()
    {
        var organization = NewOrganization();
        organization.ConfigureKopoKopo(KopoKopo(), "admin", Now);
        organization.RecordKopoKopoWebhookSubscription("buygoods_transaction_received", "till", "K000123", WebhookSubscriptionStatus.Pending, null, null, "admin", Now);
        organization.RecordKopoKopoWebhookSubscription("buygoods_transaction_received", "till", "K000123", WebhookSubscriptionStatus.Active, "https://k2.example/ws/1", null, "admin", Now);
        organization.RecordKopoKopoWebhookSubscription("b2b_transaction_received", "till", "K000123", WebhookSubscriptionStatus.Failed, null, "422", "admin", Now);

        var subscriptions = organization.KopoKopoConfiguration!.WebhookSubscriptions;
        Assert.That(subscriptions, Has.Count.EqualTo(2));
        Assert.That(subscriptions[0].Status, Is.EqualTo(WebhookSubscriptionStatus.Active));
        Assert.That(subscriptions[0].ProviderLocation, Is.EqualTo("https://k2.example/ws/1"));
        Assert.That(subscriptions[1].LastError, Is.EqualTo("422"));

        organization.ConfigureKopoKopo(KopoKopo(), "admin", Now);
        Assert.That(organization.KopoKopoConfiguration.WebhookSubscriptions, Has.Count.EqualTo(2));

        organization.ConfigureKopoKopo(KopoKopoConfiguration.Create(PaymentEnvironment.Sandbox, "c", "s", "k", "Test ISP", "555555"), "admin", Now);
        Assert.That(organization.KopoKopoConfiguration.WebhookSubscriptions, Is.Empty, "a different till needs new subscriptions");
    }

    [Test]
    public void The_callback_token_can_be_rotated()
    {
        var organization = NewOrganization();
        var before = organization.DarajaCallbackToken;
        Assert.That(organization.HasDarajaCallbackToken(before), Is.True);
        organization.RotateDarajaCallbackToken(Now);
        Assert.That(organization.DarajaCallbackToken, Is.Not.EqualTo(before).And.Length.EqualTo(64));
        Assert.That(organization.HasDarajaCallbackToken(before), Is.False);
        Assert.That(organization.HasDarajaCallbackToken(organization.DarajaCallbackToken), Is.True);
        Assert.That(organization.HasDarajaCallbackToken(organization.DarajaCallbackToken.ToUpperInvariant()), Is.False);
        Assert.That(organization.HasDarajaCallbackToken(null), Is.False);
        Assert.That(organization.HasDarajaCallbackToken(""), Is.False);
    }
}
