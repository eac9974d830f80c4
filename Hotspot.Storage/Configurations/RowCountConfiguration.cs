using Hotspot.Storage.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Configurations;

internal sealed class RowCountConfiguration : IEntityTypeConfiguration<RowCount>
{
    public void Configure(EntityTypeBuilder<RowCount> builder)
    {
        builder.ToTable("rollup_row_counts");
        builder.HasKey(r => new { r.OrganizationId, r.TableName, r.Status, r.Slot });
        builder.Property(r => r.RowTotal).HasColumnName("row_count");
    }
}
