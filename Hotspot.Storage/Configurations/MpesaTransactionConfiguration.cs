using Hotspot.Domain.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Configurations;

/// <summary>
/// <c>isp_mpesa_transactions</c>. The one unique index is the delivery's identity (organization, route, body hash):
/// business ids (CheckoutRequestID, receipt) are only looked up, so a second payment for one purchase is kept, not
/// refused. Every index leads with <c>organization_id</c>, as Citus requires.
/// </summary>
internal sealed class MpesaTransactionConfiguration : IEntityTypeConfiguration<MpesaTransaction>
{
    public void Configure(EntityTypeBuilder<MpesaTransaction> builder)
    {
        builder.ToTable("isp_mpesa_transactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>();
        builder.Property(t => t.Status).HasConversion<string>();
        builder.HasIndex(t => new { t.OrganizationId, t.Kind, t.BodySha256 }).IsUnique();
        builder.HasIndex(t => new { t.OrganizationId, t.CheckoutRequestId });
        builder.HasIndex(t => new { t.OrganizationId, t.ReceiptNumber });
        builder.HasIndex(t => new { t.OrganizationId, t.ReceivedAt });
        // Linked rows only: look-ups of unlinked rows go by the organization's columns (migration LinkedTransactionIndexes).
        builder.HasIndex(t => t.PurchaseId).HasFilter("purchase_id IS NOT NULL");
        builder.Property(t => t.Resolution).HasConversion<string>();
    }
}
