using System.Data.Common;
using Hotspot.Domain.Auditing;
using Hotspot.Domain.Organizations;
using Hotspot.Storage;
using Hotspot.Storage.Secrets;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Storage;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class OrganizationStorageTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Configurations_round_trip_with_secrets_encrypted_in_the_json_columns()
    {
        var organization = Organization.Create("Round Trip ISP", "tester", TestData.Now);
        organization.ConfigureMpesa(TestData.Mpesa(), "tester", TestData.Now);
        organization.ConfigureKopoKopo(TestData.KopoKopo(), "tester", TestData.Now);
        organization.RecordKopoKopoWebhookSubscription("buygoods_transaction_received", "till", "K000123",
            WebhookSubscriptionStatus.Active, "https://sandbox.example/webhook_subscriptions/1", null, "tester", TestData.Now);
        organization.ActivatePaymentMethod(PaymentMethodType.KopoKopo, "tester", TestData.Now);
        await using (var db = Database.CreateDbContext())
        {
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
        }

        await using (var db = Database.CreateDbContext())
        {
            var loaded = await db.Organizations.SingleAsync(o => o.Id == organization.Id);
            Assert.Multiple(() =>
            {
                Assert.That(loaded.PaymentMethod, Is.EqualTo(PaymentMethodType.KopoKopo));
                Assert.That(loaded.StateOf(PaymentMethodType.Mpesa), Is.EqualTo(PaymentMethodState.Configured));
                Assert.That(loaded.MpesaConfiguration!.ConsumerSecret, Is.EqualTo("test-consumer-secret-0002"));
                Assert.That(loaded.MpesaConfiguration.Passkey, Is.EqualTo("test-passkey-0003"));
                Assert.That(loaded.MpesaConfiguration.InitiatorPassword, Is.EqualTo("test-initiator-pass-0004"));
                Assert.That(loaded.MpesaConfiguration.ShortCode, Is.EqualTo("174379"));
                Assert.That(loaded.KopoKopoConfiguration!.ApiKey, Is.EqualTo("test-api-key-0006"));
                Assert.That(loaded.KopoKopoConfiguration.ClientSecret, Is.EqualTo("test-client-secret-0005"));
                Assert.That(loaded.KopoKopoConfiguration.WebhookSubscriptions.Single().Status, Is.EqualTo(WebhookSubscriptionStatus.Active));
                Assert.That(loaded.DarajaCallbackToken, Is.EqualTo(organization.DarajaCallbackToken));
            });
        }

        var raw = await ReadRawAsync($"SELECT mpesa_configuration, kopokopo_configuration FROM organizations WHERE id = {IdLiteral(organization.Id)}");
        Assert.That(raw, Does.Contain("enc:v1:" + TestDatabase.Protector.Keys.CurrentKeyId));
        foreach (var secret in new[] { "test-consumer-key-0001", "test-consumer-secret-0002", "test-passkey-0003", "test-initiator-pass-0004", "test-client-secret-0005", "test-api-key-0006" })
            Assert.That(raw, Does.Not.Contain(secret));
        Assert.That(raw, Does.Contain("174379"), "non-secret settings stay readable");
    }

    [Test]
    public async Task Optional_secrets_left_out_stay_null()
    {
        var organization = Organization.Create("No B2C ISP", "tester", TestData.Now);
        organization.ConfigureMpesa(MpesaConfiguration.Create(Hotspot.Domain.Payments.PaymentEnvironment.Production, "600000",
            Hotspot.Domain.Payments.MpesaTransactionType.BuyGoods, "5123456", "made-up-key", "made-up-secret", "made-up-passkey"), "tester", TestData.Now);
        await using (var db = Database.CreateDbContext())
        {
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
        }
        await using var check = Database.CreateDbContext();
        var loaded = (await check.Organizations.SingleAsync(o => o.Id == organization.Id)).MpesaConfiguration!;
        Assert.That(loaded.InitiatorName, Is.Null);
        Assert.That(loaded.InitiatorPassword, Is.Null);
        Assert.That(loaded.TillNumber, Is.EqualTo("5123456"));
        Assert.That(loaded.TransactionType, Is.EqualTo(Hotspot.Domain.Payments.MpesaTransactionType.BuyGoods));
        Assert.That(loaded.Environment, Is.EqualTo(Hotspot.Domain.Payments.PaymentEnvironment.Production));
    }

    [Test]
    public async Task Changes_write_their_audit_entries_in_the_same_save()
    {
        var organization = Organization.Create("Audited ISP", "alice@example.com", TestData.Now);
        organization.ConfigureMpesa(TestData.Mpesa(), "alice@example.com", TestData.Now);
        organization.ActivatePaymentMethod(PaymentMethodType.Mpesa, "alice@example.com", TestData.Now);
        await using (var db = Database.CreateDbContext())
        {
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
        }
        await using (var db = Database.CreateDbContext())
        {
            var loaded = await db.Organizations.SingleAsync(o => o.Id == organization.Id);
            loaded.ClearMpesaConfiguration("bob@example.com", TestData.Now.AddMinutes(1));
            await db.SaveChangesAsync();
        }

        await using var check = Database.CreateDbContext();
        var actions = await check.AuditLog.Where(a => a.OrganizationId == organization.Id).OrderBy(a => a.At).ThenBy(a => a.Action).Select(a => a.Action + " by " + a.Actor).ToListAsync();
        Assert.That(actions, Is.EquivalentTo(new[]
        {
            AuditActions.OrganizationCreated + " by alice@example.com",
            AuditActions.MpesaConfigured + " by alice@example.com",
            AuditActions.PaymentMethodActivated + " by alice@example.com",
            AuditActions.MpesaCleared + " by bob@example.com",
            AuditActions.PaymentMethodDeactivated + " by bob@example.com",
        }));
        var reloaded = await check.Organizations.SingleAsync(o => o.Id == organization.Id);
        Assert.That(reloaded.PaymentMethod, Is.Null);
        Assert.That(reloaded.MpesaConfiguration, Is.Null);
    }

    [Test]
    public async Task A_secret_written_with_a_retired_key_is_still_readable_after_rotation()
    {
        var oldKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var newKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var oldProtector = new SecretProtector(EncryptionKeyRing.Create(oldKey));
        var rotated = new SecretProtector(EncryptionKeyRing.Create(newKey, oldKey));
        var organization = Organization.Create("Rotating ISP", "tester", TestData.Now);
        organization.ConfigureMpesa(TestData.Mpesa(), "tester", TestData.Now);

        await using (var db = Database.CreateDbContext(oldProtector))
        {
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
        }
        await using (var db = Database.CreateDbContext(rotated))
        {
            var loaded = await db.Organizations.SingleAsync(o => o.Id == organization.Id);
            Assert.That(loaded.MpesaConfiguration!.Passkey, Is.EqualTo("test-passkey-0003"));
            loaded.ConfigureMpesa(TestData.Mpesa(), "tester", TestData.Now); // re-saving re-encrypts with the new key
            await db.SaveChangesAsync();
        }
        var raw = await ReadRawAsync($"SELECT mpesa_configuration FROM organizations WHERE id = {IdLiteral(organization.Id)}");
        Assert.That(raw, Does.Contain("enc:v1:" + EncryptionKeyRing.KeyIdOf(newKey)));
        Assert.That(raw, Does.Not.Contain("enc:v1:" + EncryptionKeyRing.KeyIdOf(oldKey)));
    }

    private string IdLiteral(Guid id) => Provider == DatabaseProvider.Sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    private async Task<string> ReadRawAsync(string sql)
    {
        await using var db = Database.CreateDbContext();
        DbConnection connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, "row not found");
        return string.Join("\n", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString()));
    }
}
