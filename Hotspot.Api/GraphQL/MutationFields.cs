using Hotspot.Api.Auth;
using Hotspot.Domain;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Users;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>The fields of <c>Mutation</c>. Each checks who may change the organization it touches before anything else.</summary>
public static class MutationFields
{
    public const int MaxVouchersPerBatch = 1000;

    public static ExecutableSchemaBuilder BindMutations(this ExecutableSchemaBuilder schema) => schema
        .ResolveAsync("Mutation", "login", Resolve.Guarded(async ctx =>
        {
            var input = ctx.Argument<LoginInput>("input");
            // The address after UseKnownProxies: a proxy's X-Forwarded-For only when the proxy is configured as known.
            var clientAddress = ctx.Service<IHttpContextAccessor>().HttpContext?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            (string Token, DateTime ExpiresAt, User User)? result;
            try
            {
                result = await ctx.Service<UserAccounts>().LoginAsync(input.Email, input.Password, clientAddress, ctx.CancellationToken);
            }
            catch (Exception e) when (Health.DatabaseUnavailableErrors.IsDatabaseUnavailable(e))
            {
                throw Health.DatabaseUnavailableErrors.FieldError(e);
            }
            if (result is not { } signedIn)
                throw new GraphQLException("Wrong email or password.", AccessDenied.UnauthenticatedCode);
            return new LoginPayload(signedIn.Token, signedIn.ExpiresAt, signedIn.User);
        }))
        .ResolveAsync("Mutation", "createOrganization", Resolve.Guarded(async ctx =>
        {
            var user = await Resolve.User(ctx).RequirePlatformAdminAsync(ctx.CancellationToken);
            var input = ctx.Argument<CreateOrganizationInput>("input");
            await using var db = await Resolve.DatabaseAsync(ctx);
            var organization = Organization.Create(input.Name, user.Email, Now(ctx));
            db.Organizations.Add(organization);
            await db.SaveChangesAsync(ctx.CancellationToken);
            return organization;
        }))
        .ResolveAsync("Mutation", "createUser", Resolve.Guarded(async ctx =>
        {
            var input = ctx.Argument<CreateUserInput>("input");
            var current = Resolve.User(ctx);
            Guid? organizationId = null;
            if (input.Role == UserRole.PlatformAdmin)
            {
                await current.RequirePlatformAdminAsync(ctx.CancellationToken);
                if (input.OrganizationId is not null) throw GraphQLErrors.Validation("A platform admin belongs to no organization.");
            }
            else
            {
                organizationId = GraphQLErrors.ParseId(input.OrganizationId ?? throw GraphQLErrors.Validation("organizationId is required for this role."), "Organization");
                await current.RequireChangeAsync(organizationId.Value, ctx.CancellationToken);
            }
            return await ctx.Service<UserAccounts>().CreateAsync(input.Email, input.Password, input.Role, organizationId, ctx.CancellationToken);
        }))
        .ResolveAsync("Mutation", "deactivateUser", Resolve.Guarded(async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("userId"), "User");
            var current = await Resolve.User(ctx).RequireAsync(ctx.CancellationToken);
            await using var db = await Resolve.DatabaseAsync(ctx);
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, ctx.CancellationToken);
            var allowed = user is not null && (user.OrganizationId is { } org ? current.CanRead(org) : current.Role == UserRole.PlatformAdmin);
            if (!allowed) throw AccessDenied.NotFound("User");
            if (user!.OrganizationId is { } orgId) await Resolve.User(ctx).RequireChangeAsync(orgId, ctx.CancellationToken);
            if (user.Id == current.Id) throw GraphQLErrors.Validation("You cannot deactivate yourself.");
            user.Deactivate();
            await db.SaveChangesAsync(ctx.CancellationToken);
            return user;
        }))
        .ResolveAsync("Mutation", "updateMpesaConfiguration", Resolve.Guarded(async ctx =>
        {
            var (db, organization, actor) = await ChangeOrganizationAsync(ctx);
            await using (db)
            {
                var i = ctx.Argument<MpesaConfigurationInput>("input");
                organization.ConfigureMpesa(MpesaConfiguration.Create(i.Environment, i.ShortCode, i.TransactionType, i.TillNumber,
                    i.ConsumerKey, i.ConsumerSecret, i.Passkey, i.InitiatorName, i.InitiatorPassword), actor, Now(ctx));
                await db.SaveChangesAsync(ctx.CancellationToken);
                return organization;
            }
        }))
        .ResolveAsync("Mutation", "updateKopoKopoConfiguration", Resolve.Guarded(async ctx =>
        {
            var (db, organization, actor) = await ChangeOrganizationAsync(ctx);
            await using (db)
            {
                var i = ctx.Argument<KopoKopoConfigurationInput>("input");
                organization.ConfigureKopoKopo(KopoKopoConfiguration.Create(i.Environment, i.ClientId, i.ClientSecret, i.ApiKey,
                    i.BusinessName, i.TillNumber), actor, Now(ctx));
                await db.SaveChangesAsync(ctx.CancellationToken);
                return organization;
            }
        }))
        .ResolveAsync("Mutation", "setPaymentMethod", Resolve.Guarded(async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
            var user = await Resolve.User(ctx).RequireChangeAsync(id, ctx.CancellationToken);
            var input = ctx.Argument<SetPaymentMethodInput>("input");
            return await ctx.Service<PaymentAdministration>().SetPaymentMethodAsync(id, input.PaymentMethod, user.Email, ctx.CancellationToken);
        }))
        .ResolveAsync("Mutation", "testMpesaCredentials", Resolve.Guarded(async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
            var user = await Resolve.User(ctx).RequireChangeAsync(id, ctx.CancellationToken);
            return await ctx.Service<PaymentAdministration>().TestMpesaAsync(id, user.Email, ctx.CancellationToken);
        }))
        .ResolveAsync("Mutation", "testKopoKopoCredentials", Resolve.Guarded(async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
            var user = await Resolve.User(ctx).RequireChangeAsync(id, ctx.CancellationToken);
            return await ctx.Service<PaymentAdministration>().TestKopoKopoAsync(id, user.Email, ctx.CancellationToken);
        }))
        .ResolveAsync("Mutation", "createPlan", Resolve.Guarded(async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
            await Resolve.User(ctx).RequireChangeAsync(id, ctx.CancellationToken);
            await using var db = await Resolve.DatabaseAsync(ctx);
            if (!await db.Organizations.AnyAsync(o => o.Id == id, ctx.CancellationToken)) throw AccessDenied.NotFound("Organization");
            var plan = Plan.Create(id, Settings(ctx.Argument<PlanInput>("input")), Now(ctx));
            db.Plans.Add(plan);
            await db.SaveChangesAsync(ctx.CancellationToken);
            return plan;
        }))
        .ResolveAsync("Mutation", "updatePlan", Resolve.Guarded(async ctx =>
        {
            var (db, plan) = await ChangePlanAsync(ctx);
            await using (db)
            {
                plan.Update(Settings(ctx.Argument<PlanInput>("input")), Now(ctx));
                await db.SaveChangesAsync(ctx.CancellationToken);
                return plan;
            }
        }))
        .ResolveAsync("Mutation", "archivePlan", Resolve.Guarded(async ctx =>
        {
            var (db, plan) = await ChangePlanAsync(ctx);
            await using (db)
            {
                plan.Archive(Now(ctx));
                await db.SaveChangesAsync(ctx.CancellationToken);
                return plan;
            }
        }))
        .ResolveAsync("Mutation", "generateVouchers", Resolve.Guarded(async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
            await Resolve.User(ctx).RequireChangeAsync(id, ctx.CancellationToken);
            var input = ctx.Argument<GenerateVouchersInput>("input");
            if (input.Count is < 1 or > MaxVouchersPerBatch)
                throw GraphQLErrors.Validation($"count must be from 1 to {MaxVouchersPerBatch}.");
            var planId = GraphQLErrors.ParseId(input.PlanId, "Plan");
            await using var db = await Resolve.DatabaseAsync(ctx);
            var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.OrganizationId == id, ctx.CancellationToken)
                ?? throw AccessDenied.NotFound("Plan");
            var batchId = Guid.NewGuid();
            var now = Now(ctx);
            var codes = new HashSet<string>(StringComparer.Ordinal);
            while (codes.Count < input.Count) codes.Add(VoucherCodeGenerator.ForBatch(input.Prefix));
            var vouchers = codes.Select(code => Voucher.IssueUnused(plan, code, VoucherSource.Batch, batchId, now)).ToList();
            db.Vouchers.AddRange(vouchers);
            await db.SaveChangesAsync(ctx.CancellationToken);
            return new GenerateVouchersPayload(batchId, vouchers);
        }))
        .ResolveAsync("Mutation", "revokeVoucher", Resolve.Guarded(async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("voucherId"), "Voucher");
            await using var db = await Resolve.DatabaseAsync(ctx);
            var voucher = await db.Vouchers.FirstOrDefaultAsync(v => v.Id == id, ctx.CancellationToken) ?? throw AccessDenied.NotFound("Voucher");
            await RequireChangeOf(ctx, voucher.OrganizationId, "Voucher");
            voucher.Revoke(Now(ctx));
            await db.SaveChangesAsync(ctx.CancellationToken);
            return voucher;
        }))
        .ResolveAsync("Mutation", "refundPurchase", Resolve.Guarded(async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("purchaseId"), "Purchase");
            await using var db = await Resolve.DatabaseAsync(ctx);
            var purchase = await db.Purchases.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ctx.CancellationToken) ?? throw AccessDenied.NotFound("Purchase");
            await RequireChangeOf(ctx, purchase.OrganizationId, "Purchase");
            var input = ctx.ArgumentOrDefault<RefundPurchaseInput?>("input", null);
            return await ctx.Service<PaymentAdministration>().RefundAsync(purchase, input?.AmountKes, input?.Reason, ctx.CancellationToken);
        }))
        .ResolveAsync("Mutation", "sendMoney", Resolve.Guarded(async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
            await Resolve.User(ctx).RequireChangeAsync(id, ctx.CancellationToken);
            var input = ctx.Argument<SendMoneyInput>("input");
            return await ctx.Service<PaymentAdministration>().SendMoneyAsync(id, input.PhoneNumber, input.AmountKes, input.Reason, ctx.CancellationToken);
        }))
        .ResolveAsync("Mutation", "registerRouter", Resolve.Guarded(async ctx =>
        {
            var id = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
            await Resolve.User(ctx).RequireChangeAsync(id, ctx.CancellationToken);
            await using (var db = await Resolve.DatabaseAsync(ctx))
                if (!await db.Organizations.AnyAsync(o => o.Id == id, ctx.CancellationToken)) throw AccessDenied.NotFound("Organization");
            var input = ctx.Argument<RegisterRouterInput>("input");
            return await ctx.Service<Hotspot.Storage.Radius.RouterRegistry>().RegisterAsync(
                id, input.Name, input.NasIdentifier, input.IpAddress, input.AttributeProfile, ctx.CancellationToken);
        }))
        .PropertyBacked<LoginPayload>("LoginPayload")
        .PropertyBacked<PaymentAdministration.MethodChange>("SetPaymentMethodPayload")
        .PropertyBacked<PaymentAdministration.CredentialTest>("CredentialTestResult")
        .PropertyBacked<GenerateVouchersPayload>("GenerateVouchersPayload")
        .PropertyBacked<PaymentAdministration.Payout>("PayoutPayload");

    private static DateTime Now(ResolverContext ctx) => ctx.Service<TimeProvider>().GetUtcNow().UtcDateTime;

    private static PlanSettings Settings(PlanInput i) => new(i.Name, i.PriceKes,
        i.DurationSeconds is > 0 and < 400L * 86400 ? TimeSpan.FromSeconds(i.DurationSeconds) : throw GraphQLErrors.Validation("durationSeconds is out of range."),
        i.DataCapBytes, i.UploadRateKbps, i.DownloadRateKbps, i.MaxDevices);

    /// <summary>Members of other organizations learn nothing (NOT_FOUND); viewers of this one get FORBIDDEN.</summary>
    private static async Task RequireChangeOf(ResolverContext ctx, Guid organizationId, string what)
    {
        var user = await Resolve.User(ctx).RequireAsync(ctx.CancellationToken);
        if (!user.CanRead(organizationId)) throw AccessDenied.NotFound(what);
        await Resolve.User(ctx).RequireChangeAsync(organizationId, ctx.CancellationToken);
    }

    private static async Task<(Storage.HotspotDbContext Db, Organization Organization, string Actor)> ChangeOrganizationAsync(ResolverContext ctx)
    {
        var id = GraphQLErrors.ParseId(ctx.Argument<string>("organizationId"), "Organization");
        var user = await Resolve.User(ctx).RequireChangeAsync(id, ctx.CancellationToken);
        var db = await Resolve.DatabaseAsync(ctx);
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ctx.CancellationToken);
        if (organization is null)
        {
            await db.DisposeAsync();
            throw AccessDenied.NotFound("Organization");
        }
        return (db, organization, user.Email);
    }

    private static async Task<(Storage.HotspotDbContext Db, Plan Plan)> ChangePlanAsync(ResolverContext ctx)
    {
        var id = GraphQLErrors.ParseId(ctx.Argument<string>("planId"), "Plan");
        var db = await Resolve.DatabaseAsync(ctx);
        try
        {
            var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == id, ctx.CancellationToken) ?? throw AccessDenied.NotFound("Plan");
            await RequireChangeOf(ctx, plan.OrganizationId, "Plan");
            return (db, plan);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
