using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hotspot.Providers.Simulation;
using Hotspot.Tests.GraphQL.Conformance;

namespace Hotspot.Tests.Api;

/// <summary>
/// The built API with its sandbox, as an operator runs it: <c>/metrics</c> answers on the management port only, and a
/// purchase paid through the portal and the simulator's callback moves the payment counters by exactly one.
/// </summary>
[Slow(TestCategories.Host)]
[NonParallelizable]
public partial class MetricsTests
{
    [Test]
    public async Task A_sandbox_purchase_moves_the_payment_counters_by_exactly_one_on_the_management_port()
    {
        var managementPort = GraphQLServerProcess.FreePort();
        await using var api = await GraphQLServerProcess.StartApiAsync(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Management__Url"] = $"http://127.0.0.1:{managementPort}",
            ["Payments__ReconcilerEnabled"] = "false", // the callback, not a query, pays the purchase
            ["Logs__Format"] = "text",
        });
        using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}") };

        Assert.That((await client.GetAsync("/metrics")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "never on the public port");
        var before = await ScrapeAsync(management);

        var organizationId = await DemoOrganizationIdAsync(api);
        var plans = await client.GetFromJsonAsync<JsonElement>($"/api/hotspot/organizations/{organizationId}/plans");
        var planId = plans.EnumerateArray().First().GetProperty("id").GetString();
        using var started = await client.PostAsJsonAsync("/api/hotspot/purchase-voucher",
            new { organizationId, planId, phoneNumber = SandboxScenarios.SuccessPhone });
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await started.Content.ReadAsStringAsync());
        var purchaseId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("purchaseId").GetString();
        await WaitUntilPaidAsync(client, purchaseId!);

        // The purchase shows PAID while the callback's answer (and its count) may still be on its way.
        var after = await ScrapeAsync(management);
        for (var i = 0; i < 50 && Delta(before, after, "hotspot_payment_callbacks_total", "provider=\"mpesa\"") < 1; i++)
        {
            await Task.Delay(100);
            after = await ScrapeAsync(management);
        }
        Assert.That(CallbackUrlWithToken().IsMatch(api.Output), Is.False, "no log line shows a callback token");
        Assert.Multiple(() =>
        {
            Assert.That(Delta(before, after, "hotspot_payment_callbacks_total", "outcome=\"settled\"", "provider=\"mpesa\""), Is.EqualTo(1), after);
            Assert.That(Delta(before, after, "hotspot_purchases_total", "status=\"paid\""), Is.EqualTo(1), after);
            Assert.That(Delta(before, after, "hotspot_provider_requests_total", "operation=\"stk_push\"", "provider=\"daraja\""), Is.EqualTo(1), after);
            Assert.That(Delta(before, after, "hotspot_callback_settle_seconds_count"), Is.EqualTo(1), after);
        });
    }

    private static async Task<string> ScrapeAsync(HttpClient management)
    {
        using var response = await management.GetAsync("/metrics");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The change of the sample whose name starts with <paramref name="name"/> and carries every label given (absent counts 0).</summary>
    private static double Delta(string before, string after, string name, params string[] labels) => Value(after, name, labels) - Value(before, name, labels);

    private static double Value(string scrape, string name, string[] labels) =>
        scrape.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && labels.All(line.Contains))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
            .Sum();

    private static async Task<string> DemoOrganizationIdAsync(GraphQLServerProcess api)
    {
        for (var i = 0; i < 100; i++)
        {
            if (SeededDemo().Match(api.Output) is { Success: true } match)
                return match.Groups[1].Value;
            await Task.Delay(100);
        }
        Assert.Fail("The demo organization was not seeded:\n" + api.Output);
        return "";
    }

    private static async Task WaitUntilPaidAsync(HttpClient client, string purchaseId)
    {
        var status = "";
        for (var i = 0; i < 200 && status != "PAID"; i++)
        {
            await Task.Delay(100);
            status = (await client.GetFromJsonAsync<JsonElement>($"/api/hotspot/purchases/{purchaseId}")).GetProperty("status").GetString()!;
        }
        Assert.That(status, Is.EqualTo("PAID"));
    }

    [GeneratedRegex("callback/[0-9a-fA-F-]{36}/[0-9a-fA-F]{32,}")]
    private static partial Regex CallbackUrlWithToken();

    [GeneratedRegex("demo organization ([0-9a-fA-F-]{36})")]
    private static partial Regex SeededDemo();
}
