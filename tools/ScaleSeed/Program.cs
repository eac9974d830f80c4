// dotnet run --project tools/ScaleSeed -c Release -- --connection "<Npgsql connection string>"
//     [--purchases 1000000] [--transactions 1000000] [--neighbours 20] [--neighbour-rows 50000]
// Creates (or migrates) the database, then one organization with --purchases purchases and --transactions payment
// transactions, and --neighbours organizations with --neighbour-rows of each, by binary COPY. Prints the large
// organization's id and the time taken. Run it on an empty database: it adds organizations each time, and it takes
// the four tables' secondary indexes off while it copies (nothing else should use the database meanwhile). The
// connection must be a superuser's: the copies run with session_replication_role = replica (triggers off), and the
// rollups of the seeded organizations are counted once at the end.
using System.Diagnostics;
using Hotspot.Storage;
using Hotspot.Storage.Secrets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ScaleSeed;

var settings = SeedSettings.Parse(args);
var clock = Stopwatch.StartNew();
var options = HotspotDbContextOptions.Configure(new DbContextOptionsBuilder<HotspotDbContext>(), DatabaseProvider.PostgreSql,
    settings.ConnectionString, TimeSpan.FromMinutes(30));
var protector = new SecretProtector(EncryptionKeyRing.Create(settings.EncryptionKey));
var contextOptions = HotspotDbContextOptions.WithProtector((DbContextOptions<HotspotDbContext>)options.Options, protector);
HotspotDbContext Database() => new(contextOptions);

await using (var db = Database())
    Console.WriteLine($"{await DatabaseMigrator.MigrateAsync(db, CancellationToken.None)} migration(s) applied");
var now = DateTime.UtcNow;
var organizations = new List<(string Name, int Purchases, int Transactions)> { (SeedSettings.LargeOrganizationName, settings.Purchases, settings.Transactions) };
for (var n = 1; n <= settings.Neighbours; n++)
    organizations.Add(($"Scale ISP neighbour {n}", settings.NeighbourRows, settings.NeighbourRows));

await using var connection = new NpgsqlConnection(settings.ConnectionString);
await connection.OpenAsync();
var indexes = await SecondaryIndexes.DropAsync(connection, ["purchases", "vouchers", "isp_mpesa_transactions", "isp_kopokopo_transactions"]);
Guid? large = null;
var seeded = new List<Guid>();
for (var index = 0; index < organizations.Count; index++)
{
    var (name, purchases, transactions) = organizations[index];
    var started = clock.Elapsed;
    await using var db = Database();
    var (organization, plans) = await OrganizationRows.CreateAsync(db, name, now);
    large ??= organization.Id;
    seeded.Add(organization.Id);
    await new CopyWriter(settings.ConnectionString, organization.Id, plans, index, now).WriteAllAsync(purchases, transactions);
    Console.WriteLine($"{name}: {purchases:N0} purchases, {transactions:N0} transactions in {(clock.Elapsed - started).TotalSeconds:F1} s");
}
var copied = clock.Elapsed;
await Task.WhenAll(indexes.CreateAsync(settings.ConnectionString), RollupRows.CountAsync(connection, seeded));
Console.WriteLine($"indexes built again and rollups counted in {(clock.Elapsed - copied).TotalSeconds:F1} s");
// Fresh statistics, so the first plans are the real ones.
await using (var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 })
    await analyze.ExecuteNonQueryAsync();
Console.WriteLine($"large organization {large}; seeded in {clock.Elapsed.TotalSeconds:F1} s");
