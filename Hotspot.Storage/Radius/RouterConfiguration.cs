using Hotspot.Domain.Radius;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Radius;

internal sealed class RouterConfiguration : IEntityTypeConfiguration<Router>
{
    public void Configure(EntityTypeBuilder<Router> builder)
    {
        builder.ToTable("routers");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.AttributeProfile).HasConversion<string>();
        // Global: a RADIUS request names its router before the organization is known.
        builder.HasIndex(r => r.NasIdentifier).IsUnique();
        builder.HasIndex(r => r.IpAddress).IsUnique();
        builder.HasIndex(r => r.OrganizationId);
    }
}
