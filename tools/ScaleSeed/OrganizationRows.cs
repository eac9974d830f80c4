using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Plans;
using Hotspot.Storage;

namespace ScaleSeed;

/// <summary>An organization with both payment configurations (M-Pesa active) and three plans, saved through EF Core.</summary>
public static class OrganizationRows
{
    public static async Task<(Organization Organization, IReadOnlyList<Plan> Plans)> CreateAsync(HotspotDbContext db, string name, DateTime now)
    {
        var organization = Organization.Create(name, "seed", now);
        organization.ConfigureMpesa(MpesaConfiguration.Create(PaymentEnvironment.Sandbox, "174379", MpesaTransactionType.Paybill, null,
            "seed-consumer-key-0001", "seed-consumer-secret-0002", "seed-passkey-0003", "seedapi", "seed-initiator-0004"), "seed", now);
        organization.ConfigureKopoKopo(KopoKopoConfiguration.Create(PaymentEnvironment.Sandbox, "seed-client-id", "seed-client-secret-0005",
            "seed-api-key-0006", name, "K555000"), "seed", now);
        organization.ActivatePaymentMethod(PaymentMethodType.Mpesa, "seed", now);
        var plans = new[] { ("1 hour", 10L, 1), ("1 day", 50L, 24), ("1 week", 250L, 168) }
            .Select(p => Plan.Create(organization.Id, new PlanSettings(p.Item1, p.Item2, TimeSpan.FromHours(p.Item3)), now.AddDays(-400)))
            .ToList();
        db.Organizations.Add(organization);
        db.Plans.AddRange(plans);
        await db.SaveChangesAsync();
        return (organization, plans);
    }
}
