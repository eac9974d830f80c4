using Hotspot.Api.Payments;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Secrets;

namespace Hotspot.Api.GraphQL;

/// <summary>What <c>MpesaConfiguration</c> shows: settings, masked hints and callback URLs; never a secret.</summary>
public sealed record MpesaConfigurationView(
    bool IsActive, PaymentEnvironment Environment, string ShortCode, MpesaTransactionType TransactionType, string? TillNumber,
    string ConsumerKeyHint, string ConsumerSecretHint, string PasskeyHint, string? InitiatorName, string? InitiatorPasswordHint,
    bool CredentialsVerified, DateTime? LastTestedAt, string? LastTestError,
    string StkCallbackUrl, string C2bValidationUrl, string C2bConfirmationUrl, string B2cResultUrl, string B2cTimeoutUrl)
{
    public static MpesaConfigurationView? Of(Organization organization, CallbackUrls urls)
    {
        if (organization.MpesaConfiguration is not { } c) return null;
        return new MpesaConfigurationView(
            organization.PaymentMethod == PaymentMethodType.Mpesa, c.Environment, c.ShortCode, c.TransactionType, c.TillNumber,
            SecretMask.Mask(c.ConsumerKey) ?? SecretMask.Bullets, SecretMask.Mask(c.ConsumerSecret) ?? SecretMask.Bullets,
            SecretMask.Mask(c.Passkey) ?? SecretMask.Bullets, c.InitiatorName, SecretMask.Mask(c.InitiatorPassword),
            c.CredentialsVerified, c.LastTestedAt, c.LastTestError,
            urls.DarajaStk(organization).AbsoluteUri, urls.DarajaC2BValidation(organization).AbsoluteUri,
            urls.DarajaC2BConfirmation(organization).AbsoluteUri, urls.DarajaB2CResult(organization).AbsoluteUri,
            urls.DarajaB2CTimeout(organization).AbsoluteUri);
    }
}

/// <summary>What <c>KopoKopoConfiguration</c> shows: settings, masked hints, callback URLs and subscriptions.</summary>
public sealed record KopoKopoConfigurationView(
    bool IsActive, PaymentEnvironment Environment, string ClientIdHint, string ClientSecretHint, string ApiKeyHint,
    string BusinessName, string TillNumber, bool CredentialsVerified, DateTime? LastTestedAt, string? LastTestError,
    IReadOnlyList<KopoKopoCallbackUrl> CallbackUrls, IReadOnlyList<WebhookSubscription> WebhookSubscriptions)
{
    /// <summary>The callback types of <c>POST /api/payments/kopokopo/callback/{organizationId}/{callbackType}</c>.</summary>
    public static readonly string[] KopoKopoCallbackTypes = ["buygoods", "b2b", "settlement", "customer", "incoming-payment", "send-money"];

    public static KopoKopoConfigurationView? Of(Organization organization, CallbackUrls urls)
    {
        if (organization.KopoKopoConfiguration is not { } c) return null;
        return new KopoKopoConfigurationView(
            organization.PaymentMethod == PaymentMethodType.KopoKopo, c.Environment,
            SecretMask.Mask(c.ClientId) ?? SecretMask.Bullets, SecretMask.Mask(c.ClientSecret) ?? SecretMask.Bullets,
            SecretMask.Mask(c.ApiKey) ?? SecretMask.Bullets, c.BusinessName, c.TillNumber,
            c.CredentialsVerified, c.LastTestedAt, c.LastTestError,
            KopoKopoCallbackTypes.Select(t => new KopoKopoCallbackUrl(t, urls.KopoKopo(organization, t).AbsoluteUri)).ToList(),
            c.WebhookSubscriptions);
    }
}

public sealed record KopoKopoCallbackUrl(string CallbackType, string Url);
