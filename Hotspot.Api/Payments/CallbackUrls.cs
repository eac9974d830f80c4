using Hotspot.Domain.Organizations;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Payments;

/// <summary>
/// The URLs providers post to for an organization. Daraja URLs carry the organization's secret token and avoid
/// the words Daraja refuses (<c>mpesa</c>, <c>safaricom</c>, <c>query</c>).
/// </summary>
public sealed class CallbackUrls(IOptions<PaymentOptions> options, IServer server)
{
    public const string KopoKopoIncomingPayment = "incoming-payment";

    /// <summary>Where Kopo Kopo posts send money (PAY) results: <c>data.type = send_money</c>, not a B2B webhook.</summary>
    public const string KopoKopoSendMoney = "send-money";

    public Uri DarajaStk(Organization organization) =>
        Build($"/api/payments/daraja/callback/{organization.Id}/{organization.DarajaCallbackToken}");

    public Uri DarajaC2BValidation(Organization organization) =>
        Build($"/api/payments/daraja/c2b/{organization.Id}/{organization.DarajaCallbackToken}/validation");

    public Uri DarajaC2BConfirmation(Organization organization) =>
        Build($"/api/payments/daraja/c2b/{organization.Id}/{organization.DarajaCallbackToken}/confirmation");

    public Uri DarajaB2CResult(Organization organization) =>
        Build($"/api/payments/daraja/b2c/{organization.Id}/{organization.DarajaCallbackToken}/result");

    public Uri DarajaB2CTimeout(Organization organization) =>
        Build($"/api/payments/daraja/b2c/{organization.Id}/{organization.DarajaCallbackToken}/timeout");

    public Uri KopoKopo(Organization organization, string callbackType) =>
        Build($"/api/payments/kopokopo/callback/{organization.Id}/{callbackType}");

    private Uri Build(string path)
    {
        var configured = options.Value.CallbackBaseUrl;
        var baseUrl = string.IsNullOrWhiteSpace(configured) ? SelfUrl.Of(server) : configured.TrimEnd('/');
        if (baseUrl is null)
            throw new InvalidOperationException("Set Payments:CallbackBaseUrl: the server reports no address to receive callbacks on.");
        return new Uri(baseUrl + path);
    }
}
