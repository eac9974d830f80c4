using Hotspot.Domain.Organizations;

namespace Hotspot.Api.GraphQL;

/// <summary>
/// The provider callback URLs of an organization, on the public base URL (<c>Hotspot:PublicBaseUrl</c> or
/// <c>HOTSPOT_PUBLIC_BASE_URL</c>). Daraja URLs carry the organization's secret token and none of the words Daraja
/// refuses (mpesa, safaricom, query).
/// </summary>
public sealed class CallbackUrls(IConfiguration configuration)
{
    public static readonly string[] KopoKopoCallbackTypes = ["buygoods", "b2b", "settlement", "customer", "incoming-payment"];

    private string Base => (configuration["HOTSPOT_PUBLIC_BASE_URL"] ?? configuration["Hotspot:PublicBaseUrl"] ?? "http://localhost:5000").TrimEnd('/');

    public string DarajaStk(Organization o) => $"{Base}/api/payments/daraja/callback/{o.Id}/{o.DarajaCallbackToken}";
    public string DarajaC2BValidation(Organization o) => $"{Base}/api/payments/daraja/c2b/validation/{o.Id}/{o.DarajaCallbackToken}";
    public string DarajaC2BConfirmation(Organization o) => $"{Base}/api/payments/daraja/c2b/confirmation/{o.Id}/{o.DarajaCallbackToken}";
    public string DarajaB2CResult(Organization o) => $"{Base}/api/payments/daraja/b2c/result/{o.Id}/{o.DarajaCallbackToken}";
    public string DarajaB2CTimeout(Organization o) => $"{Base}/api/payments/daraja/b2c/timeout/{o.Id}/{o.DarajaCallbackToken}";
    public string KopoKopo(Organization o, string callbackType) => $"{Base}/api/payments/kopokopo/callback/{o.Id}/{callbackType}";
}
