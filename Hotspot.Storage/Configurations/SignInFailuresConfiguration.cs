using Hotspot.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Configurations;

internal sealed class SignInFailuresConfiguration : IEntityTypeConfiguration<SignInFailures>
{
    public void Configure(EntityTypeBuilder<SignInFailures> builder)
    {
        builder.ToTable("sign_in_failures");
        builder.HasKey(f => f.EmailHash);
        builder.Property(f => f.EmailHash).ValueGeneratedNever();
        // Stale rows are deleted by this time.
        builder.HasIndex(f => f.WindowEndsAt);
    }
}
