using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Providers.Daraja.Simulator;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>Organizations, plans and purchases written straight to the API's database. All credentials are made up.</summary>
internal static class BillingSeed
{
    public const string KopoKopoApiKey = "sandbox-api-key"; // the simulator's signing key for unlisted applications

    public static async Task<Organization> OrganizationAsync(BillingApi api, string name, PaymentMethodType active, long priceKes = 20)
    {
        var now = DateTime.UtcNow;
        var organization = Organization.Create(name, "test", now);
        organization.ConfigureMpesa(MpesaConfiguration.Create(PaymentEnvironment.Sandbox, "174379", MpesaTransactionType.Paybill, null,
            "test-consumer-key", "test-consumer-secret", DarajaSimulatorOptions.SandboxPassKey), "test", now);
        organization.ConfigureKopoKopo(KopoKopoConfiguration.Create(PaymentEnvironment.Sandbox, "test-client", "test-client-secret",
            KopoKopoApiKey, "Test business", "K514459"), "test", now);
        organization.ActivatePaymentMethod(active, "test", now);
        await using var db = await api.Contexts.CreateDbContextAsync();
        db.Organizations.Add(organization);
        db.Plans.Add(Plan.Create(organization.Id, new PlanSettings("Test plan", priceKes, TimeSpan.FromHours(1)), now));
        await db.SaveChangesAsync();
        return organization;
    }

    /// <summary>
    /// A pending purchase whose payment request id is <paramref name="providerRequestId"/>, as if the push had been sent;
    /// with none, as if the push's answer had been lost.
    /// </summary>
    public static async Task<Purchase> PendingPurchaseAsync(BillingApi api, Guid organizationId, string? providerRequestId, string phone = "254712345678",
        DateTime? createdAt = null, PaymentMethodType method = PaymentMethodType.Mpesa)
    {
        await using var db = await api.Contexts.CreateDbContextAsync();
        var plan = db.Plans.First(p => p.OrganizationId == organizationId);
        var purchase = Purchase.Create(plan, KenyanPhoneNumber.Parse(phone), null, method, createdAt ?? DateTime.UtcNow);
        if (providerRequestId is not null)
            purchase.RecordProviderRequest(providerRequestId, DateTime.UtcNow);
        db.Purchases.Add(purchase);
        await db.SaveChangesAsync();
        return purchase;
    }
}
