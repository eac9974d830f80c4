using Hotspot.Storage.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Configurations;

internal sealed class DailyRevenueRollupConfiguration : IEntityTypeConfiguration<DailyRevenueRollup>
{
    public void Configure(EntityTypeBuilder<DailyRevenueRollup> builder)
    {
        builder.ToTable("rollup_daily_revenue");
        builder.HasKey(r => new { r.OrganizationId, r.Day, r.Slot });
    }
}
