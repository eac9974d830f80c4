using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Changes;

internal sealed class StoredChangeConfiguration : IEntityTypeConfiguration<StoredChange>
{
    public void Configure(EntityTypeBuilder<StoredChange> builder)
    {
        builder.ToTable("change_events");
        builder.HasKey(c => c.Sequence);
        builder.Property(c => c.Sequence).ValueGeneratedOnAdd();
    }
}
