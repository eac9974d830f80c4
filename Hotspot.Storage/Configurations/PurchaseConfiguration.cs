using Hotspot.Domain.Purchases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Configurations;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.ToTable("purchases");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.PaymentMethod).HasConversion<string>();
        builder.Property(p => p.Duration).HasConversion(new TimeSpanSecondsConverter()).HasColumnName("duration_seconds");
        // Every update checks the status it read, so two writers cannot both move a purchase out of PENDING.
        builder.Property(p => p.Status).HasConversion<string>().IsConcurrencyToken();
        builder.HasIndex(p => new { p.OrganizationId, p.ProviderRequestId }).IsUnique();
        // One M-Pesa receipt pays at most one purchase: a voucher claimed on the portal and the payment's own
        // result can never both turn its money into vouchers.
        builder.HasIndex(p => new { p.OrganizationId, p.ProviderReceipt }).IsUnique();
        builder.HasIndex(p => new { p.OrganizationId, p.CreatedAt });
        // The reconciler's scan of pending purchases, holding pending ones only (migration PendingAndBatchIndexes).
        builder.HasIndex(p => new { p.Status, p.CreatedAt }).HasFilter("status = 'Pending'");
        builder.HasIndex(p => new { p.OrganizationId, p.MacAddress }); // a router's MAC login (Radius/RadiusAuthorization)
        // Revenue of a part day (the rollup holds whole days): paid purchases of a time range.
        builder.HasIndex(p => new { p.OrganizationId, p.Status, p.PaidAt });
        // The dashboard's "paid, newest payment first" page. On PostgreSQL the index also holds the order's
        // nulls-last term (CASE WHEN paid_at IS NULL THEN 0 ELSE 1 END DESC) between status and paid_at, which EF
        // cannot model (migration ScaleRollups); both databases list it as these columns.
        builder.HasIndex(p => new { p.OrganizationId, p.Status, p.PaidAt, p.Id });
    }
}
