using Hotspot.Api.Auth;
using Hotspot.Domain.Vouchers;
using Hotspot.GraphQL.Binding;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.GraphQL;

/// <summary>Issuing vouchers for cash sales and revoking vouchers.</summary>
[ExtendObjectType("Mutation")]
[DomainErrors]
public static class VoucherMutations
{
    public const int MaxVouchersPerBatch = 1000;

    public static async Task<GenerateVouchersPayload> GenerateVouchersAsync(string organizationId, GenerateVouchersInput input,
        CurrentUser currentUser, HotspotDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(organizationId, "Organization");
        await currentUser.RequireChangeAsync(id, cancellationToken);
        if (input.Count is < 1 or > MaxVouchersPerBatch)
            throw GraphQLErrors.Validation($"count must be from 1 to {MaxVouchersPerBatch}.");
        var planId = GraphQLErrors.ParseId(input.PlanId, "Plan");
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.OrganizationId == id, cancellationToken)
            ?? throw AccessDenied.NotFound("Plan");
        var batchId = Guid.NewGuid();
        var now = time.GetUtcNow().UtcDateTime;
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < input.Count) codes.Add(VoucherCodeGenerator.ForBatch(input.Prefix));
        var vouchers = codes.Select(code => Voucher.IssueUnused(plan, code, VoucherSource.Batch, batchId, now)).ToList();
        db.Vouchers.AddRange(vouchers);
        await db.SaveChangesAsync(cancellationToken);
        return new GenerateVouchersPayload(batchId, vouchers);
    }

    public static async Task<Voucher> RevokeVoucherAsync(string voucherId, CurrentUser currentUser, HotspotDbContext db,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var id = GraphQLErrors.ParseId(voucherId, "Voucher");
        var voucher = await db.Vouchers.FirstOrDefaultAsync(v => v.Id == id, cancellationToken) ?? throw AccessDenied.NotFound("Voucher");
        await currentUser.RequireChangeOfAsync(voucher.OrganizationId, "Voucher", cancellationToken);
        voucher.Revoke(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return voucher;
    }
}
