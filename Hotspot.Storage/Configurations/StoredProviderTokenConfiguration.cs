using Hotspot.Storage.ProviderTokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotspot.Storage.Configurations;

internal sealed class StoredProviderTokenConfiguration : IEntityTypeConfiguration<StoredProviderToken>
{
    public void Configure(EntityTypeBuilder<StoredProviderToken> builder)
    {
        builder.ToTable("provider_tokens");
        builder.HasKey(t => t.CacheKey);
    }
}
