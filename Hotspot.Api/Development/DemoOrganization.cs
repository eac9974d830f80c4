using Hotspot.Domain.Organizations;
using Hotspot.Domain.Payments;
using Hotspot.Domain.Plans;
using Hotspot.Providers.Daraja.Simulator;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Development;

/// <summary>
/// Seeds, once, a demo organization configured against the built-in simulators (M-Pesa active, Kopo Kopo
/// configured) with three plans, so the captive-portal flow works on a fresh machine. The credentials are the
/// simulators' made-up sandbox values, not secrets. The admin user is created by the auth bootstrap.
/// </summary>
public sealed class DemoOrganization(IDbContextFactory<HotspotDbContext> contexts, TimeProvider time, ILogger<DemoOrganization> logger) : IHostedService
{
    public const string Name = "Demo Hotspot (sandbox)";
    public const string Actor = "development-seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await SeedAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The demo is a convenience: an unreachable database must not stop the API (health reports it).
            logger.LogError(e, "Could not seed the demo organization");
        }
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Organizations.AsNoTracking().Where(o => o.Name == Name).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
        {
            logger.LogInformation("Demo organization {OrganizationId}: plans at /api/hotspot/organizations/{OrganizationId}/plans", id, id);
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var organization = Organization.Create(Name, Actor, now);
        organization.ConfigureMpesa(MpesaConfiguration.Create(PaymentEnvironment.Sandbox, "174379", MpesaTransactionType.Paybill, null,
            "demo-consumer-key", "demo-consumer-secret", DarajaSimulatorOptions.SandboxPassKey), Actor, now);
        organization.ConfigureKopoKopo(KopoKopoConfiguration.Create(PaymentEnvironment.Sandbox, "demo-client-id", "demo-client-secret",
            "sandbox-api-key", "Demo Hotspot", "K514459"), Actor, now);
        organization.ActivatePaymentMethod(PaymentMethodType.Mpesa, Actor, now);
        db.Organizations.Add(organization);
        db.Plans.AddRange(
            Plan.Create(organization.Id, new PlanSettings("1 hour", 10, TimeSpan.FromHours(1), null, null, null, 1), now),
            Plan.Create(organization.Id, new PlanSettings("1 day", 50, TimeSpan.FromDays(1), null, null, null, 2), now),
            Plan.Create(organization.Id, new PlanSettings("1 week", 250, TimeSpan.FromDays(7), null, null, null, 3), now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo organization {OrganizationId}: plans at /api/hotspot/organizations/{OrganizationId}/plans",
            organization.Id, organization.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
