using Hotspot.Domain.Organizations;
using Hotspot.Providers.Daraja;
using Hotspot.Providers.KopoKopo;

namespace Hotspot.Api.Payments;

/// <summary>
/// Picks the provider adapter for an organization's payment method and builds its credentials from the
/// organization's configuration (decrypted by the storage layer when loaded). Credentials are never global.
/// </summary>
public sealed class GatewaySelector(DarajaPaymentGateway daraja, KopoKopoPaymentGateway kopoKopo)
{
    /// <summary>The gateway of <paramref name="method"/>, or null when the organization has not configured it.</summary>
    public OrganizationGateway? For(Organization organization, PaymentMethodType method) => method switch
    {
        PaymentMethodType.Mpesa when organization.MpesaConfiguration is { } mpesa => new OrganizationGateway(method, daraja, new DarajaCredentials
        {
            Environment = mpesa.Environment,
            ConsumerKey = mpesa.ConsumerKey,
            ConsumerSecret = mpesa.ConsumerSecret,
            ShortCode = mpesa.ShortCode,
            PassKey = mpesa.Passkey,
            TransactionType = mpesa.TransactionType,
            TillNumber = mpesa.TillNumber,
            InitiatorName = mpesa.InitiatorName,
            InitiatorPassword = mpesa.InitiatorPassword,
        }),
        PaymentMethodType.KopoKopo when organization.KopoKopoConfiguration is { } kopoKopoConfiguration => new OrganizationGateway(method, kopoKopo, new KopoKopoCredentials
        {
            Environment = kopoKopoConfiguration.Environment,
            ClientId = kopoKopoConfiguration.ClientId,
            ClientSecret = kopoKopoConfiguration.ClientSecret,
            ApiKey = kopoKopoConfiguration.ApiKey,
            TillNumber = kopoKopoConfiguration.TillNumber,
        }),
        _ => null,
    };
}
