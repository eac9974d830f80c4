using Hotspot.Domain.Radius;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Radius;

internal sealed class RadiusSessionConfiguration : IEntityTypeConfiguration<RadiusSession>
{
    public void Configure(EntityTypeBuilder<RadiusSession> builder)
    {
        builder.ToTable("radius_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Ignore(s => s.TotalBytes);
        builder.Ignore(s => s.IsOpen);
        // A router names its sessions; a retransmitted Start finds the row it created.
        builder.HasIndex(s => new { s.RouterId, s.AcctSessionId }).IsUnique();
        builder.HasIndex(s => new { s.VoucherId, s.StoppedAt });
        builder.HasIndex(s => new { s.OrganizationId, s.StartedAt });
    }
}
