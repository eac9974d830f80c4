using System.Net;
using System.Text;
using System.Text.Json;
using Hotspot.Domain.Purchases;
using Hotspot.Domain.Transactions;
using Hotspot.Providers.Extensions;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// The callback can beat the STK push's own answer: here the answer is held back until the simulator's callback
/// has been applied, every time. The customer still gets a 202 (never a 500) and the purchase is paid once.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class FastCallbackTests(DatabaseProvider provider) : BillingApiFixture(provider)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Payments:ReconcilerEnabled"] = "false" };

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddHttpClient(Extensions.DarajaHttpClientName).AddHttpMessageHandler(() => new AnswerAfterTheCallback(() => Api));

    [Test]
    public async Task A_callback_that_arrives_before_the_push_is_answered_pays_the_purchase_once()
    {
        var organization = await Api.DemoOrganizationAsync();
        var plan = await Api.DemoPlanAsync();

        using var response = await Portal.PurchaseAsync(Client, organization.Id, plan.Id, "254708374149");

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), body);
        var purchaseId = JsonDocument.Parse(body).RootElement.GetProperty("purchaseId").GetGuid();
        Assert.That((await Portal.WaitForOutcomeAsync(Client, purchaseId)).GetProperty("status").GetString(), Is.EqualTo("PAID"));
        await using var db = await Api.Contexts.CreateDbContextAsync();
        var purchase = await db.Purchases.SingleAsync(p => p.Id == purchaseId);
        var row = await db.MpesaTransactions.SingleAsync(t => t.CheckoutRequestId == purchase.ProviderRequestId);
        Assert.Multiple(async () =>
        {
            Assert.That(purchase.Status, Is.EqualTo(PurchaseStatus.Paid));
            Assert.That(await db.Vouchers.CountAsync(v => v.PurchaseId == purchaseId), Is.EqualTo(1));
            Assert.That(row.Status, Is.EqualTo(CallbackStatus.Settled));
            Assert.That(row.PurchaseId, Is.EqualTo(purchaseId));
        });
    }

    /// <summary>Holds each STK push answer until the callback for it has paid its purchase.</summary>
    private sealed class AnswerAfterTheCallback(Func<BillingApi> api) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.RequestUri?.AbsolutePath.EndsWith("stkpush/v1/processrequest", StringComparison.Ordinal) != true || !response.IsSuccessStatusCode)
                return response;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var checkout = JsonDocument.Parse(body).RootElement.GetProperty("CheckoutRequestID").GetString();
            var applied = false;
            for (var deadline = DateTime.UtcNow.AddSeconds(10); !applied && DateTime.UtcNow < deadline; await Task.Delay(20, cancellationToken))
            {
                await using var db = await api().Contexts.CreateDbContextAsync(cancellationToken);
                applied = await db.MpesaTransactions.AnyAsync(t => t.CheckoutRequestId == checkout && t.Status == CallbackStatus.Settled, cancellationToken);
            }
            Assert.That(applied, Is.True, "the simulator's callback was not applied while the answer was held");
            response.Content = new StringContent(body, Encoding.UTF8, "application/json");
            return response;
        }
    }
}
