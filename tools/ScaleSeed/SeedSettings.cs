using System.Security.Cryptography;
using System.Text;

namespace ScaleSeed;

/// <summary>What to seed, from the command line.</summary>
public sealed record SeedSettings(string ConnectionString, int Purchases, int Transactions, int Neighbours, int NeighbourRows, byte[] EncryptionKey)
{
    /// <summary>The name of the large organization, which the dashboard benchmark looks for.</summary>
    public const string LargeOrganizationName = "Scale ISP (large)";

    public static SeedSettings Parse(string[] args)
    {
        string? Arg(string name) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault();
        var connection = Arg("connection") ?? Environment.GetEnvironmentVariable("ConnectionStrings__Hotspot")
            ?? throw new ArgumentException("--connection <Npgsql connection string> (or ConnectionStrings__Hotspot) is required");
        return new SeedSettings(connection,
            int.Parse(Arg("purchases") ?? "1000000"),
            int.Parse(Arg("transactions") ?? "1000000"),
            int.Parse(Arg("neighbours") ?? "20"),
            int.Parse(Arg("neighbour-rows") ?? "50000"),
            EncryptionKeyFrom(Environment.GetEnvironmentVariable("HOTSPOT_ENCRYPTION_KEY")));
    }

    /// <summary>
    /// The key the seeded credentials are encrypted with: HOTSPOT_ENCRYPTION_KEY when set, else a fixed throwaway
    /// benchmark key (the credentials are made up), which the dashboard benchmark uses too.
    /// </summary>
    public static byte[] EncryptionKeyFrom(string? base64) =>
        string.IsNullOrWhiteSpace(base64) ? SHA256.HashData(Encoding.UTF8.GetBytes("hotspot scale benchmark, not a secret")) : Convert.FromBase64String(base64);
}
