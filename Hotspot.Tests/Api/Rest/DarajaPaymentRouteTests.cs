using System.Net;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Transactions;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;
using Hotspot.Tests.Providers;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Api.Rest;

/// <summary>Daraja's C2B and B2C routes, fed with the official payloads from the shared fixtures.</summary>
public class DarajaPaymentRouteTests
{
    private BillingDatabase _database = null!;
    private BillingApi _api = null!;
    private HttpClient _client = null!;
    private Organization _organization = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await BillingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _api = new BillingApi(_database, new Dictionary<string, string?> { ["Payments:ReconcilerEnabled"] = "false" });
        _client = _api.CreateClient();
        _organization = await BillingSeed.OrganizationAsync(_api, "C2B hotspot", PaymentMethodType.Mpesa);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client?.Dispose();
        if (_api is not null)
            await _api.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Test]
    public async Task C2B_validation_is_accepted_and_the_confirmation_is_stored_once_per_receipt()
    {
        var body = await File.ReadAllTextAsync(SharedFolder.Path("fixtures", "daraja", "c2b-v2-validation-or-confirmation-masked-msisdn.official-docs.json"));
        var prefix = $"/api/payments/daraja/c2b/{_organization.Id}/{_organization.DarajaCallbackToken}";

        using var validation = await Callbacks.PostAsync(_client, prefix + "/validation", body);
        using var confirmation = await Callbacks.PostAsync(_client, prefix + "/confirmation", body);
        using var repeated = await Callbacks.PostAsync(_client, prefix + "/confirmation", body);

        Assert.That(await validation.Content.ReadAsStringAsync(), Is.EqualTo("""{"ResultCode":"0","ResultDesc":"Accepted"}"""));
        Assert.That(confirmation.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(repeated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var db = await _api.Contexts.CreateDbContextAsync();
        var confirmations = await db.MpesaTransactions.Where(t => t.OrganizationId == _organization.Id && t.Kind == MpesaTransactionKind.C2BConfirmation).ToListAsync();
        Assert.That(confirmations, Has.Count.EqualTo(1));
        Assert.That(confirmations[0].ReceiptNumber, Is.EqualTo("RKL51ZDR4F"));
        Assert.That(confirmations[0].AmountKes, Is.EqualTo(5));
        Assert.That(await db.MpesaTransactions.CountAsync(t => t.OrganizationId == _organization.Id && t.Kind == MpesaTransactionKind.C2BValidation), Is.EqualTo(1));
    }

    [Test]
    public async Task A_b2c_result_is_stored_once_and_a_wrong_token_is_refused()
    {
        var body = await File.ReadAllTextAsync(SharedFolder.Path("fixtures", "daraja", "b2c-result-0-success.official-docs.json"));

        using var result = await Callbacks.PostAsync(_client, $"/api/payments/daraja/b2c/{_organization.Id}/{_organization.DarajaCallbackToken}/result", body);
        using var repeated = await Callbacks.PostAsync(_client, $"/api/payments/daraja/b2c/{_organization.Id}/{_organization.DarajaCallbackToken}/result", body);
        using var forged = await Callbacks.PostAsync(_client, $"/api/payments/daraja/b2c/{_organization.Id}/wrong/timeout", body);

        Assert.That(result.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(repeated.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        await using var db = await _api.Contexts.CreateDbContextAsync();
        var stored = await db.MpesaTransactions.Where(t => t.OrganizationId == _organization.Id && t.Kind == MpesaTransactionKind.B2CResult).ToListAsync();
        Assert.That(stored, Has.Count.EqualTo(1));
        Assert.That(stored[0].ConversationId, Is.EqualTo("AG_20240706_2010364430d9bbdaf872"));
        Assert.That(await db.MpesaTransactions.CountAsync(t => t.OrganizationId == _organization.Id && t.Kind == MpesaTransactionKind.B2CTimeout
            && t.Status == CallbackStatus.NeedsReview), Is.EqualTo(1));
    }
}
