using Hotspot.Domain.Auditing;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Transactions;
using Hotspot.Domain.Users;
using Hotspot.Domain.Vouchers;
using Hotspot.Storage.Configurations;
using Hotspot.Storage.Leases;
using Hotspot.Storage.Limits;
using Hotspot.Storage.ProviderTokens;
using Hotspot.Storage.Radius;
using Hotspot.Storage.Rollups;
using Hotspot.Storage.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Storage;

/// <summary>
/// The database. Table and column names are snake_case; every tenant table has <c>organization_id</c> and
/// callers always filter by it. Audit entries raised by organizations are written in the same save.
/// </summary>
/// <remarks>
/// The options carry the <see cref="SecretProtector"/> (<see cref="HotspotDbContextOptions.UseProtector"/>): a context whose
/// only constructor parameter is its options can be pooled, and the API pools them (a request opens a dozen).
/// </remarks>
public sealed class HotspotDbContext(DbContextOptions<HotspotDbContext> options) : DbContext(options)
{
    public SecretProtector Protector { get; } = options.FindExtension<SecretProtectorExtension>()?.Protector
        ?? throw new InvalidOperationException("The HotspotDbContext options have no SecretProtector: call HotspotDbContextOptions.UseProtector.");

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Voucher> Vouchers => Set<Voucher>();
    public DbSet<Purchase> Purchases => Set<Purchase>();
    public DbSet<MpesaTransaction> MpesaTransactions => Set<MpesaTransaction>();
    public DbSet<KopoKopoTransaction> KopoKopoTransactions => Set<KopoKopoTransaction>();
    public DbSet<User> Users => Set<User>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<SignInFailures> SignInFailures => Set<SignInFailures>();
    public DbSet<StoredProviderToken> ProviderTokens => Set<StoredProviderToken>();
    public DbSet<Lease> Leases => Set<Lease>();
    public DbSet<LimiterCount> LimiterCounts => Set<LimiterCount>();
    public DbSet<Router> Routers => Set<Router>();
    public DbSet<RadiusSession> RadiusSessions => Set<RadiusSession>();
    public DbSet<RowCount> RowCounts => Set<RowCount>();
    public DbSet<DailyRevenueRollup> DailyRevenue => Set<DailyRevenueRollup>();

    public DatabaseProvider Provider => Database.IsNpgsql() ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OrganizationConfiguration(Protector));
        modelBuilder.ApplyConfiguration(new PlanConfiguration());
        modelBuilder.ApplyConfiguration(new VoucherConfiguration());
        modelBuilder.ApplyConfiguration(new PurchaseConfiguration());
        modelBuilder.ApplyConfiguration(new MpesaTransactionConfiguration());
        modelBuilder.ApplyConfiguration(new KopoKopoTransactionConfiguration());
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new SignInFailuresConfiguration());
        modelBuilder.ApplyConfiguration(new StoredProviderTokenConfiguration());
        modelBuilder.ApplyConfiguration(new LeaseConfiguration());
        modelBuilder.ApplyConfiguration(new LimiterCountConfiguration());
        modelBuilder.ApplyConfiguration(new RouterConfiguration());
        modelBuilder.ApplyConfiguration(new RadiusSessionConfiguration());
        modelBuilder.ApplyConfiguration(new RowCountConfiguration());
        modelBuilder.ApplyConfiguration(new DailyRevenueRollupConfiguration());
        modelBuilder.ApplyConfiguration(new Changes.StoredChangeConfiguration());
        SnakeCaseNaming.Apply(modelBuilder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CollectAuditEntries();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CollectAuditEntries();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void CollectAuditEntries()
    {
        foreach (var entry in ChangeTracker.Entries<Organization>().ToList())
            AuditLog.AddRange(entry.Entity.TakePendingAuditEntries());
    }
}
