using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Phones;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;

namespace Hotspot.Tests.Storage;

/// <summary>Small builders for rows the storage tests need. All credentials are made up.</summary>
internal static class TestData
{
    public static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    public static MpesaConfiguration Mpesa() => MpesaConfiguration.Create(
        PaymentEnvironment.Sandbox, "174379", MpesaTransactionType.Paybill, null,
        "test-consumer-key-0001", "test-consumer-secret-0002", "test-passkey-0003", "testapi", "test-initiator-pass-0004");

    public static KopoKopoConfiguration KopoKopo() => KopoKopoConfiguration.Create(
        PaymentEnvironment.Sandbox, "test-client-id", "test-client-secret-0005", "test-api-key-0006", "Test ISP", "K000123");

    public static async Task<(Organization Organization, Plan Plan)> OrganizationWithPlanAsync(TestDatabase database, long priceKes = 50)
    {
        await using var db = database.CreateDbContext();
        var organization = Organization.Create("Test ISP " + Guid.NewGuid().ToString("N")[..6], "test", Now);
        organization.ConfigureMpesa(Mpesa(), "test", Now);
        organization.ActivatePaymentMethod(PaymentMethodType.Mpesa, "test", Now);
        var plan = Plan.Create(organization.Id, new PlanSettings("1 hour", priceKes, TimeSpan.FromHours(1)), Now);
        db.Organizations.Add(organization);
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (organization, plan);
    }

    public static async Task<Purchase> PendingPurchaseAsync(TestDatabase database, Plan plan, string? providerRequestId = null)
    {
        await using var db = database.CreateDbContext();
        var purchase = Purchase.Create(plan, KenyanPhoneNumber.Parse("0712345678"), null, PaymentMethodType.Mpesa, Now);
        purchase.RecordProviderRequest(providerRequestId ?? "ws_CO_" + Guid.NewGuid().ToString("N"), Now);
        db.Purchases.Add(purchase);
        await db.SaveChangesAsync();
        return purchase;
    }
}
