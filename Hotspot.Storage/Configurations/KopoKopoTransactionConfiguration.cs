using Hotspot.Domain.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Configurations;

/// <summary>
/// <c>isp_kopokopo_transactions</c>; like the M-Pesa table, unique only by delivery (organization, route, body hash):
/// a till webhook and an incoming payment result with one reference are two rows of one payment.
/// </summary>
internal sealed class KopoKopoTransactionConfiguration : IEntityTypeConfiguration<KopoKopoTransaction>
{
    public void Configure(EntityTypeBuilder<KopoKopoTransaction> builder)
    {
        builder.ToTable("isp_kopokopo_transactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Type).HasConversion<string>();
        builder.Property(t => t.Status).HasConversion<string>();
        builder.HasIndex(t => new { t.OrganizationId, t.Type, t.BodySha256 }).IsUnique();
        builder.HasIndex(t => new { t.OrganizationId, t.EventId });
        builder.HasIndex(t => new { t.OrganizationId, t.Reference });
        builder.HasIndex(t => new { t.OrganizationId, t.PaymentRequestId });
        builder.HasIndex(t => new { t.OrganizationId, t.ReceivedAt });
        // Linked rows only: look-ups of unlinked rows go by the organization's columns (migration LinkedTransactionIndexes).
        builder.HasIndex(t => t.PurchaseId).HasFilter("purchase_id IS NOT NULL");
        builder.Property(t => t.Resolution).HasConversion<string>();
    }
}
