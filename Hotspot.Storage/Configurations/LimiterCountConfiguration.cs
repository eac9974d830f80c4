using Hotspot.Storage.Limits;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Configurations;

internal sealed class LimiterCountConfiguration : IEntityTypeConfiguration<LimiterCount>
{
    public void Configure(EntityTypeBuilder<LimiterCount> builder)
    {
        builder.ToTable("limiter_counts");
        builder.HasKey(c => c.Key);
        builder.Property(c => c.Key).ValueGeneratedNever();
        // Rows whose window is over are swept by this time.
        builder.HasIndex(c => c.WindowEndsMs);
    }
}
