using Hotspot.Storage.Secrets;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Storage;

/// <summary>
/// Carries the <see cref="SecretProtector"/> in a <see cref="HotspotDbContext"/>'s options, so the context's only
/// constructor parameter is its options: what EF Core's context pooling requires. It registers no services, so
/// every protector shares one internal service provider (the model is still built per protector).
/// </summary>
public sealed class SecretProtectorExtension(SecretProtector protector) : IDbContextOptionsExtension
{
    public SecretProtector Protector { get; } = protector;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services) { }

    public void Validate(IDbContextOptions options) { }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;
        public override string LogFragment => "";
        public override int GetServiceProviderHashCode() => 0;
        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;
        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) { }
    }
}
