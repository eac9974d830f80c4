using Hotspot.Api.Auth;
using Hotspot.Domain.Organizations;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>An organization's provider configurations, its active payment method, and credential tests.</summary>
[ExtendObjectType("Mutation")]
[DomainErrors]
public static class PaymentSettingsMutations
{
    public static async Task<Organization> UpdateMpesaConfigurationAsync(string organizationId, MpesaConfigurationInput input,
        CurrentUser currentUser, HotspotDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (organization, actor) = await ChangeOrganizationAsync(organizationId, currentUser, db, cancellationToken);
        organization.ConfigureMpesa(MpesaConfiguration.Create(input.Environment, input.ShortCode, input.TransactionType, input.TillNumber,
            input.ConsumerKey, input.ConsumerSecret, input.Passkey, input.InitiatorName, input.InitiatorPassword), actor, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return organization;
    }

    public static async Task<Organization> UpdateKopoKopoConfigurationAsync(string organizationId, KopoKopoConfigurationInput input,
        CurrentUser currentUser, HotspotDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (organization, actor) = await ChangeOrganizationAsync(organizationId, currentUser, db, cancellationToken);
        organization.ConfigureKopoKopo(KopoKopoConfiguration.Create(input.Environment, input.ClientId, input.ClientSecret, input.ApiKey,
            input.BusinessName, input.TillNumber), actor, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return organization;
    }

    public static async Task<PaymentAdministration.MethodChange> SetPaymentMethodAsync(string organizationId, SetPaymentMethodInput input,
        CurrentUser currentUser, PaymentAdministration payments, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(organizationId, "Organization");
        var user = await currentUser.RequireChangeAsync(id, cancellationToken);
        return await payments.SetPaymentMethodAsync(id, input.PaymentMethod, user.Email, cancellationToken);
    }

    public static async Task<PaymentAdministration.CredentialTest> TestMpesaCredentialsAsync(string organizationId,
        CurrentUser currentUser, PaymentAdministration payments, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(organizationId, "Organization");
        var user = await currentUser.RequireChangeAsync(id, cancellationToken);
        return await payments.TestMpesaAsync(id, user.Email, cancellationToken);
    }

    public static async Task<PaymentAdministration.CredentialTest> TestKopoKopoCredentialsAsync(string organizationId,
        CurrentUser currentUser, PaymentAdministration payments, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(organizationId, "Organization");
        var user = await currentUser.RequireChangeAsync(id, cancellationToken);
        return await payments.TestKopoKopoAsync(id, user.Email, cancellationToken);
    }

    private static async Task<(Organization Organization, string Actor)> ChangeOrganizationAsync(string organizationId,
        CurrentUser currentUser, HotspotDbContext db, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(organizationId, "Organization");
        var user = await currentUser.RequireChangeAsync(id, cancellationToken);
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
                           ?? throw AccessDenied.NotFound("Organization");
        return (organization, user.Email);
    }
}
