using Hotspot.Domain.Vouchers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Configurations;

internal sealed class VoucherConfiguration : IEntityTypeConfiguration<Voucher>
{
    public void Configure(EntityTypeBuilder<Voucher> builder)
    {
        builder.ToTable("vouchers");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Status).HasConversion<string>();
        builder.Property(v => v.Source).HasConversion<string>();
        builder.Property(v => v.Duration).HasConversion(new TimeSpanSecondsConverter()).HasColumnName("duration_seconds");
        // Global: routers log in with the bare code, before the organization is known.
        builder.HasIndex(v => v.Code).IsUnique();
        // One voucher per purchase, whatever happens above.
        builder.HasIndex(v => v.PurchaseId).IsUnique();
        // Keyset pages in the default order (newest first), all vouchers or those of one status (UNUSED on the dashboard).
        builder.HasIndex(v => new { v.OrganizationId, v.Status, v.CreatedAt });
        builder.HasIndex(v => new { v.OrganizationId, v.CreatedAt });
        // A generated batch; a purchase's voucher has none and takes no entry (migration PendingAndBatchIndexes).
        builder.HasIndex(v => new { v.OrganizationId, v.BatchId }).HasFilter("batch_id IS NOT NULL");
    }
}
