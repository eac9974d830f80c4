using System.Net.Http.Json;
using System.Text.Json;
using Hotspot.Providers.Simulation;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Subscriptions;

/// <summary>
/// Two API instances on one PostgreSQL database, as a deployment behind a load balancer runs them: a dashboard
/// subscribed on the first sees, exactly once, the payment whose callback the second received, because the change
/// travels through the database (NOTIFY at commit), not through the instance that made it.
/// </summary>
[Slow(TestCategories.Host)]
public class TwoInstanceTests
{
    [Test]
    public async Task A_callback_to_the_second_instance_reaches_a_subscriber_of_the_first_exactly_once()
    {
        await using var database = await BillingDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var first = new LiveApi(database);
        await using var second = new LiveApi(database);
        var token = await first.LoginAsync();
        var organization = await first.DemoOrganizationAsync();
        var plan = await first.DemoPlanAsync();
        _ = second.BaseAddress; // started: listening too

        await using var socket = await GraphQLSocket.OpenAsync(first.WebSocketUrl, token);
        await socket.SubscribeAsync("payments", "subscription($o: ID!) { paymentReceived(organizationId: $o) { id receipt status } }",
            new { o = organization.Id });
        await socket.SubscribeAsync("purchases", "subscription($o: ID!) { purchaseUpdated(organizationId: $o) { id status } }",
            new { o = organization.Id });
        await Task.Delay(300);

        // The push goes out from the first instance; the simulator loses its callback, which we then deliver to the second.
        using var firstClient = first.CreateHttpClient();
        var purchaseId = await Portal.StartAsync(firstClient, organization.Id, plan.Id, SandboxScenarios.LostCallbackPhone);
        string checkoutRequestId;
        await using (var db = await first.Contexts.CreateDbContextAsync())
            checkoutRequestId = (await db.Purchases.AsNoTracking().SingleAsync(p => p.Id == purchaseId)).ProviderRequestId!;
        var receipt = ReviewPayments.NewReceipt();
        using var secondClient = second.CreateHttpClient();
        using (var callback = await Callbacks.PostAsync(secondClient, Callbacks.DarajaUrl(organization.Id, organization.DarajaCallbackToken),
                   Callbacks.StkSuccess(checkoutRequestId, plan.PriceKes, receipt)))
            Assert.That((int)callback.StatusCode, Is.EqualTo(200), await callback.Content.ReadAsStringAsync());

        var payments = new List<JsonElement>();
        var purchaseStatuses = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(3); // then a quiet second: a duplicate would have come by now
        while (DateTime.UtcNow < deadline)
        {
            System.Text.Json.Nodes.JsonNode? message;
            try
            {
                message = await socket.ReceiveAsync(deadline - DateTime.UtcNow);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var data = message!["payload"]!["data"]!;
            if (message["id"]!.GetValue<string>() == "payments")
                payments.Add(JsonSerializer.Deserialize<JsonElement>(data["paymentReceived"]!.ToJsonString()));
            else if (data["purchaseUpdated"]!["id"]!.GetValue<string>() == purchaseId.ToString())
                purchaseStatuses.Add(data["purchaseUpdated"]!["status"]!.GetValue<string>());
        }
        Assert.That(payments.Where(p => p.GetProperty("receipt").GetString() == receipt).ToList(), Has.Count.EqualTo(1),
            "the payment received by the second instance, announced once on the first");
        Assert.That(payments.Single().GetProperty("status").GetString(), Is.EqualTo("SETTLED"));
        Assert.That(purchaseStatuses, Is.EqualTo(new[] { "PENDING", "PAID" }));
    }
}
