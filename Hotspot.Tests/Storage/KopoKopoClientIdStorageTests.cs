using System.Data.Common;
using System.Text.Json.Nodes;
using Hotspot.Domain.Organizations;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Storage;

/// <summary>The Kopo Kopo client id is encrypted at rest; rows written before that, with a plain client id, still read.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class KopoKopoClientIdStorageTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private const string ClientId = "test-client-id";

    [Test]
    public async Task The_stored_json_holds_no_plain_client_id()
    {
        var organization = await SaveOrganizationWithKopoKopoAsync("Encrypted Client Id ISP");

        var raw = await ReadKopoKopoJsonAsync(organization.Id);
        Assert.That(raw, Does.Not.Contain(ClientId));
        Assert.That(JsonNode.Parse(raw)!["ClientId"]!.GetValue<string>(), Does.StartWith("enc:v1:"));
        await using var db = Database.CreateDbContext();
        var loaded = await db.Organizations.SingleAsync(o => o.Id == organization.Id);
        Assert.That(loaded.KopoKopoConfiguration!.ClientId, Is.EqualTo(ClientId));
    }

    [Test]
    public async Task A_row_with_a_plain_client_id_still_reads_and_is_encrypted_when_next_saved()
    {
        var organization = await SaveOrganizationWithKopoKopoAsync("Legacy Client Id ISP");
        var json = JsonNode.Parse(await ReadKopoKopoJsonAsync(organization.Id))!;
        json["ClientId"] = "legacy-plain-client-id";
        await WriteKopoKopoJsonAsync(organization.Id, json.ToJsonString());

        await using (var db = Database.CreateDbContext())
        {
            var loaded = await db.Organizations.SingleAsync(o => o.Id == organization.Id);
            Assert.That(loaded.KopoKopoConfiguration!.ClientId, Is.EqualTo("legacy-plain-client-id"));
            Assert.That(loaded.KopoKopoConfiguration.ClientSecret, Is.EqualTo("test-client-secret-0005"));
            loaded.ConfigureKopoKopo(KopoKopoConfiguration.Create(loaded.KopoKopoConfiguration.Environment, "legacy-plain-client-id",
                "test-client-secret-0005", "test-api-key-0006", "Test ISP", "K000123"), "tester", TestData.Now);
            await db.SaveChangesAsync();
        }

        Assert.That(await ReadKopoKopoJsonAsync(organization.Id), Does.Not.Contain("legacy-plain-client-id"));
    }

    private async Task<Organization> SaveOrganizationWithKopoKopoAsync(string name)
    {
        var organization = Organization.Create(name, "tester", TestData.Now);
        organization.ConfigureKopoKopo(TestData.KopoKopo(), "tester", TestData.Now);
        await using var db = Database.CreateDbContext();
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    }

    private async Task<string> ReadKopoKopoJsonAsync(Guid organizationId)
    {
        await using var db = Database.CreateDbContext();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT kopokopo_configuration FROM organizations WHERE id = {IdLiteral(organizationId)}";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task WriteKopoKopoJsonAsync(Guid organizationId, string json)
    {
        await using var db = Database.CreateDbContext();
        // SQLite keeps ids as upper-case text and JSON as text; PostgreSQL has uuid and jsonb.
        if (Provider == DatabaseProvider.PostgreSql)
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE organizations SET kopokopo_configuration = CAST({0} AS jsonb) WHERE id = {1}", json, organizationId);
        else
            await db.Database.ExecuteSqlRawAsync(
                "UPDATE organizations SET kopokopo_configuration = {0} WHERE id = {1}", json, organizationId.ToString().ToUpperInvariant());
    }

    private string IdLiteral(Guid id) => Provider == DatabaseProvider.Sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";
}
