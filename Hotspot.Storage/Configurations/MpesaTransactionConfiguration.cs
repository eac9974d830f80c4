using Hotspot.Domain.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Configurations;

/// <summary>
/// <c>isp_mpesa_transactions</c>. The unique indexes include <c>organization_id</c>: a duplicate always arrives at
/// the same organization's URL, one tenant cannot block another's receipt, and Citus requires it.
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
        builder.HasIndex(t => new { t.OrganizationId, t.CheckoutRequestId }).IsUnique();
        builder.HasIndex(t => new { t.OrganizationId, t.ReceiptNumber }).IsUnique();
        builder.HasIndex(t => new { t.OrganizationId, t.ReceivedAt });
        builder.HasIndex(t => t.PurchaseId);
        builder.Property(t => t.Resolution).HasConversion<string>();
    }
}
