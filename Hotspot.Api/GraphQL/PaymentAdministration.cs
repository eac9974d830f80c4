using Hotspot.Api.Payments;
using Hotspot.Domain;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments.Gateways;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Text;
using Hotspot.Domain.Transactions;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.KopoKopo;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// What an organization admin asks of the providers: test credentials, activate a method (Kopo Kopo registers
/// its webhooks first), refund a purchase by B2C, send money by Kopo Kopo PAY. Provider failures are results,
/// never exceptions; access is checked by the callers.
/// </summary>
public sealed class PaymentAdministration(
    IDbContextFactory<HotspotDbContext> databases, IServiceProvider services, CallbackUrls urls, TimeProvider time)
{
    public sealed record CredentialTest(bool Success, string? Error, DateTime TestedAt, Organization Organization);

    public sealed record MethodChange(bool Success, string Message, Organization Organization);

    /// <param name="OutcomeUnknown">The request may have reached the provider (no answer, or a failure answer to a request
    /// it may have processed): the money may be on its way, so the payout must not simply be sent again.</param>
    public sealed record Payout(bool Success, string? ProviderRequestId, string Message, bool OutcomeUnknown = false);

    public async Task<CredentialTest> TestMpesaAsync(Guid organizationId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var organization = await LoadAsync(db, organizationId, cancellationToken);
        var credentials = DarajaCredentialsOf(organization);
        var result = await services.GetRequiredService<DarajaPaymentGateway>().TestCredentialsAsync(credentials, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var error = result.IsSuccess ? null : Describe(result.Error!);
        organization.RecordMpesaCredentialTest(error, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return new CredentialTest(result.IsSuccess, error, now, organization);
    }

    public async Task<CredentialTest> TestKopoKopoAsync(Guid organizationId, string actor, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var organization = await LoadAsync(db, organizationId, cancellationToken);
        var credentials = KopoKopoCredentialsOf(organization);
        var result = await services.GetRequiredService<KopoKopoPaymentGateway>().TestCredentialsAsync(credentials, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var error = result.IsSuccess ? null : Describe(result.Error!);
        organization.RecordKopoKopoCredentialTest(error, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return new CredentialTest(result.IsSuccess, error, now, organization);
    }

    /// <summary>Activates a method (null deactivates). Kopo Kopo is activated only once its webhooks are registered.</summary>
    public async Task<MethodChange> SetPaymentMethodAsync(Guid organizationId, PaymentMethodType? method, string actor, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var organization = await LoadAsync(db, organizationId, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (method is null)
        {
            organization.DeactivatePaymentMethod(actor, now);
            await db.SaveChangesAsync(cancellationToken);
            return new MethodChange(true, "No payment method is active; purchases are refused.", organization);
        }
        if (!organization.IsConfigured(method.Value))
            throw new DomainException(DomainErrorCodes.PaymentMethodNotConfigured,
                $"{method} is not configured; save its configuration before activating it.");
        if (method == PaymentMethodType.KopoKopo)
        {
            var kopoKopo = organization.KopoKopoConfiguration!;
            var credentials = KopoKopoCredentialsOf(organization);
            var registration = new WebhookRegistration(urls.KopoKopo(organization, "buygoods"));
            var registered = await services.GetRequiredService<KopoKopoPaymentGateway>()
                .RegisterWebhooksAsync(credentials, registration, cancellationToken);
            var error = registered.IsSuccess ? null : Describe(registered.Error!);
            for (var i = 0; i < KopoKopoWebhookEvents.All.Count; i++)
            {
                var location = registered.IsSuccess && i < registered.Value.Registrations.Count ? registered.Value.Registrations[i] : null;
                organization.RecordKopoKopoWebhookSubscription(KopoKopoWebhookEvents.All[i], "till", kopoKopo.TillNumber,
                    registered.IsSuccess ? WebhookSubscriptionStatus.Active : WebhookSubscriptionStatus.Failed, location, error, actor, now);
            }
            if (!registered.IsSuccess)
            {
                await db.SaveChangesAsync(cancellationToken);
                return new MethodChange(false, $"Kopo Kopo refused the webhook subscriptions ({error}); the payment method is unchanged.", organization);
            }
        }
        organization.ActivatePaymentMethod(method.Value, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return new MethodChange(true, $"{(method == PaymentMethodType.Mpesa ? "M-Pesa" : "Kopo Kopo")} is now the active payment method.", organization);
    }

    /// <summary>Refunds a paid M-Pesa purchase by Daraja B2C; the result arrives at the B2C result URL.</summary>
    public Task<Payout> RefundAsync(Purchase purchase, long? amountKes, string? reason, CancellationToken cancellationToken)
    {
        if (purchase.Status != PurchaseStatus.Paid)
            throw new DomainException(DomainErrorCodes.InvalidStateTransition, "Only a paid purchase can be refunded.");
        if (purchase.PaymentMethod != PaymentMethodType.Mpesa)
            throw DomainException.Validation("Only M-Pesa purchases are refunded here; use sendMoney for Kopo Kopo.");
        var amount = amountKes ?? purchase.AmountKes;
        if (amount < 1 || amount > purchase.AmountKes)
            throw DomainException.Validation($"A refund is 1 to {purchase.AmountKes} KES.");
        return RefundAsync(purchase.OrganizationId, purchase.PhoneNumber, amount, reason, "refund-" + purchase.Id.ToString("N"), cancellationToken);
    }

    /// <summary>
    /// Sends M-Pesa money back by Daraja B2C: for a refunded purchase or for a stored payment no purchase used.
    /// <paramref name="occasion"/> names what is refunded (Daraja echoes it); the result arrives at the B2C result URL.
    /// </summary>
    public async Task<Payout> RefundAsync(Guid organizationId, string phoneNumber, long amountKes, string? reason, string occasion,
        CancellationToken cancellationToken)
    {
        if (!KenyanPhoneNumber.TryParse(phoneNumber, out var phone))
            throw DomainException.Validation("The payer's phone number is masked or not Kenyan: refund it outside the system and dismiss it.");
        if (amountKes < 1)
            throw DomainException.Validation("A refund is at least 1 KES.");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var organization = await LoadAsync(db, organizationId, cancellationToken);
        var configuration = organization.MpesaConfiguration
            ?? throw new DomainException(DomainErrorCodes.PaymentMethodNotConfigured, "M-Pesa is not configured.");
        if (!configuration.CanRefund)
            throw new DomainException(DomainErrorCodes.PaymentMethodNotConfigured, "M-Pesa refunds need initiatorName and initiatorPassword.");
        var request = new PayoutRequest(phone.Value, amountKes, Truncate(reason ?? "Refund", 100), occasion, urls.DarajaB2CResult(organization));
        var result = await services.GetRequiredService<DarajaPaymentGateway>().SendMoneyAsync(DarajaCredentialsOf(organization), request, cancellationToken);
        return result.IsSuccess
            ? new Payout(true, result.Value.ProviderRequestId, "Daraja accepted the refund; its result arrives by callback.")
            : new Payout(false, null, "Daraja refused the refund: " + Describe(result.Error!), OutcomeUnknown(result.Error!));
    }

    /// <summary>Sends money by Kopo Kopo PAY and records it as a <c>KOPOKOPO_SEND_MONEY</c> transaction.</summary>
    public async Task<Payout> SendMoneyAsync(Guid organizationId, string? phoneNumber, long amountKes, string? reason, CancellationToken cancellationToken)
    {
        if (!KenyanPhoneNumber.TryParse(phoneNumber, out var phone))
            throw DomainException.Validation("phoneNumber is not a Kenyan mobile number.");
        if (amountKes is < 10 or > 150_000)
            throw DomainException.Validation("amountKes must be from 10 to 150000.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 100)
            throw DomainException.Validation("reason needs 1 to 100 characters.");
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var organization = await LoadAsync(db, organizationId, cancellationToken);
        var credentials = KopoKopoCredentialsOf(organization);
        var reference = Guid.NewGuid();
        var request = new PayoutRequest(phone.Value, amountKes, reason.Trim(), reference.ToString("N"),
            urls.KopoKopo(organization, CallbackUrls.KopoKopoSendMoney));
        var result = await services.GetRequiredService<KopoKopoPaymentGateway>().SendMoneyAsync(credentials, request, cancellationToken);
        if (!result.IsSuccess) return new Payout(false, null, "Kopo Kopo refused the payment: " + Describe(result.Error!), OutcomeUnknown(result.Error!));
        var record = KopoKopoTransaction.Receive(organizationId, KopoKopoTransactionType.SendMoney, "{}", time.GetUtcNow().UtcDateTime,
            reference: reference.ToString("N"), paymentRequestId: result.Value.ProviderRequestId, providerStatus: "Pending",
            amountKes: amountKes, currency: "KES", phoneNumber: phone.Value, tillNumber: organization.KopoKopoConfiguration!.TillNumber);
        record.MarkProcessed(null);
        record.MarkOwnRequest();
        db.KopoKopoTransactions.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        // The result can arrive before this record was committed, and be judged "no payout of ours" (or be about to
        // be): now that the record is visible, settle those rows as ours. The callback marks a row for review only
        // while it is still undecided, so whichever writes second, the row ends processed.
        await db.KopoKopoTransactions
            .Where(t => t.OrganizationId == organizationId && t.Type == KopoKopoTransactionType.SendMoney && t.Id != record.Id
                && t.PaymentRequestId == result.Value.ProviderRequestId
                && (t.Status == CallbackStatus.NeedsReview || t.Status == CallbackStatus.Received))
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.Status, CallbackStatus.Processed)
                .SetProperty(t => t.ReviewReason, (string?)null), cancellationToken);
        return new Payout(true, result.Value.ProviderRequestId, "Kopo Kopo accepted the payment; its result arrives by callback.");
    }

    private static async Task<Organization> LoadAsync(HotspotDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken)
        ?? throw new DomainException(Auth.AccessDenied.NotFoundCode, "Organization not found.");

    private static DarajaCredentials DarajaCredentialsOf(Organization organization)
    {
        var c = organization.MpesaConfiguration
            ?? throw new DomainException(DomainErrorCodes.PaymentMethodNotConfigured, "M-Pesa is not configured.");
        return new DarajaCredentials
        {
            Environment = c.Environment, ConsumerKey = c.ConsumerKey, ConsumerSecret = c.ConsumerSecret, ShortCode = c.ShortCode,
            PassKey = c.Passkey, TransactionType = c.TransactionType, TillNumber = c.TillNumber,
            InitiatorName = c.InitiatorName, InitiatorPassword = c.InitiatorPassword,
        };
    }

    private static KopoKopoCredentials KopoKopoCredentialsOf(Organization organization)
    {
        var c = organization.KopoKopoConfiguration
            ?? throw new DomainException(DomainErrorCodes.PaymentMethodNotConfigured, "Kopo Kopo is not configured.");
        return new KopoKopoCredentials
        {
            Environment = c.Environment, ClientId = c.ClientId, ClientSecret = c.ClientSecret, ApiKey = c.ApiKey,
            TillNumber = c.TillNumber, WebhookTillNumber = c.TillNumber,
        };
    }

    // A payout is never retried: unreachable, timed out or a server error means it may have been carried out.
    private static bool OutcomeUnknown(GatewayError error) => error.Kind == GatewayErrorKind.ProviderUnavailable;

    // Provider messages describe the failure (e.g. "invalid client"); they never contain our secrets.
    private static string Describe(GatewayError error) => $"{error.Kind}: {error.Message}";

    private static string Truncate(string text, int length) => TextLimits.Truncate(text, length);
}
