using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;

namespace Hotspot.Tests.Api.Rest;

/// <summary>
/// Public routes are rate limited: the page and plans per client address, purchases per address and per phone
/// number, the status poll per purchase with a wide per-address bound. The test server gives every request the
/// same (unknown) client address: one hotspot site behind NAT.
/// </summary>
public class RateLimitTests
{
    /// <summary>The shipped defaults, written out so a change to them is a change to these tests.</summary>
    private static readonly Dictionary<string, string?> ProductionLimits = new()
    {
        ["RateLimits:PortalPermitsPerMinute"] = "3000",
        ["RateLimits:PurchasesPerAddressPerMinute"] = "300",
        ["RateLimits:PromptsPerPhone"] = "3",
        ["RateLimits:PhoneWindowSeconds"] = "300",
        ["RateLimits:PollsPerPurchasePerMinute"] = "90",
        ["RateLimits:PollsPerAddressPerMinute"] = "30000",
        ["Payments:ReconcilerEnabled"] = "false",
    };

    private static Dictionary<string, string?> Limits(params (string Key, string Value)[] changes)
    {
        var limits = new Dictionary<string, string?>(ProductionLimits);
        foreach (var (key, value) in changes)
            limits[key] = value;
        return limits;
    }

    [Test]
    public async Task The_portal_answers_429_over_its_limit()
    {
        await using var database = await BillingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var api = new BillingApi(database, Limits(("RateLimits:PortalPermitsPerMinute", "3")));
        using var client = api.CreateClient();
        var organization = await api.DemoOrganizationAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.GetAsync($"/api/hotspot/organizations/{organization.Id}/plans");
            statuses.Add(response.StatusCode);
        }

        Assert.That(statuses.Take(3), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(statuses.Skip(3), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Slow(TestCategories.Load)]
    [Test]
    public async Task Two_hundred_customers_behind_one_address_buy_and_poll_for_a_minute_without_a_429()
    {
        await using var database = await BillingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        // Customers take a few seconds to type their PIN: the simulator's result comes after 3 s, not the tests' 50 ms.
        await using var api = new BillingApi(database, Limits(("Sandbox:Delays:Result", "00:00:03")));
        using var client = api.CreateClient();
        var plan = await api.DemoPlanAsync();
        const int customers = 200, pollsPerCustomer = 20; // a poll every 3 s for a minute

        // Every request inside one window (no waiting between polls): the worst case a real minute can produce.
        var statuses = new ConcurrentBag<(string What, HttpStatusCode Status)>();
        var failures = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, customers).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                using var created = await Portal.PurchaseAsync(client, plan.OrganizationId, plan.Id, $"07110{i:D5}");
                statuses.Add(("purchase", created.StatusCode));
                if (created.StatusCode != HttpStatusCode.Accepted)
                {
                    failures.Add($"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
                    return;
                }
                var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("purchaseId").GetGuid();
                for (var poll = 0; poll < pollsPerCustomer; poll++)
                {
                    using var polled = await client.GetAsync($"/api/hotspot/purchases/{id}");
                    statuses.Add(("poll", polled.StatusCode));
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.That(statuses.Where(s => s.Status == HttpStatusCode.TooManyRequests), Is.Empty);
        Assert.That(statuses.Count(s => s is ("purchase", HttpStatusCode.Accepted)), Is.EqualTo(customers), string.Join("\n", failures));
        Assert.That(statuses.Count(s => s is ("poll", HttpStatusCode.OK)), Is.EqualTo(customers * pollsPerCustomer));
    }

    [Test]
    public async Task One_phone_number_hammered_with_purchases_gets_429_after_three_while_others_still_pay()
    {
        await using var database = await BillingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var api = new BillingApi(database, Limits());
        using var client = api.CreateClient();
        var plan = await api.DemoPlanAsync();

        // Refused purchases sent no prompt and use no slot.
        for (var i = 0; i < 5; i++)
        {
            using var unknownPlan = await Portal.PurchaseAsync(client, plan.OrganizationId, Guid.NewGuid(), "0722000111");
            Assert.That(unknownPlan.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }
        // The same number however it is written.
        foreach (var spelling in new[] { "0722000111", "254722000111", "+254 722 000 111" })
        {
            using var accepted = await Portal.PurchaseAsync(client, plan.OrganizationId, plan.Id, spelling);
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await accepted.Content.ReadAsStringAsync());
        }
        for (var i = 0; i < 3; i++)
        {
            using var refused = await Portal.PurchaseAsync(client, plan.OrganizationId, plan.Id, "0722 000 111");
            var body = await refused.Content.ReadAsStringAsync();
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), body);
            var problem = JsonDocument.Parse(body).RootElement;
            Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("TOO_MANY_PROMPTS"));
            Assert.That(problem.GetProperty("detail").GetString(),
                Is.EqualTo("Too many payment requests for this phone number. Check the phone for an M-Pesa prompt, or try again in 5 minutes."));
            Assert.That(int.Parse(refused.Headers.RetryAfter!.ToString()), Is.InRange(290, 300));
        }
        // The Kopo Kopo route counts against the same number (this organization has M-Pesa active, so it is not even started).
        using var otherRoute = await Portal.PurchaseAsync(client, plan.OrganizationId, plan.Id, "0722000111", "/api/hotspot/purchase-voucher-kopokopo");
        Assert.That(otherRoute.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));

        using var neighbour = await Portal.PurchaseAsync(client, plan.OrganizationId, plan.Id, "0722000222");
        Assert.That(neighbour.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "another phone at the same address");
    }

    [Test]
    public async Task The_poll_is_limited_per_purchase_and_a_scraper_meets_the_per_address_bound()
    {
        await using var database = await BillingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var api = new BillingApi(database, Limits(("RateLimits:PollsPerPurchasePerMinute", "5"), ("RateLimits:PollsPerAddressPerMinute", "40")));
        using var client = api.CreateClient();
        var plan = await api.DemoPlanAsync();
        var mine = await Portal.StartAsync(client, plan.OrganizationId, plan.Id, "0733000111");
        var theirs = await Portal.StartAsync(client, plan.OrganizationId, plan.Id, "0733000222");

        var polls = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
            polls.Add((await client.GetAsync($"/api/hotspot/purchases/{mine}")).StatusCode);
        Assert.That(polls.Take(5), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(polls.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        using (var other = await client.GetAsync($"/api/hotspot/purchases/{theirs}"))
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another purchase has its own window");

        // Guessing ids: each id is new, so only the address bound (40; 8 polls above) stops it. ASP.NET Core's
        // middleware charges the address bound a second time for a request the per-purchase limit refused (it
        // retries the combined acquire), so the two refused polls above may have used two more.
        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 40; i++)
            guesses.Add((await client.GetAsync($"/api/hotspot/purchases/{Guid.NewGuid()}")).StatusCode);
        var found = guesses.TakeWhile(s => s == HttpStatusCode.NotFound).Count();
        Assert.That(found, Is.InRange(40 - 10, 40 - 8), string.Join(",", guesses));
        Assert.That(guesses.Skip(found), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        using var limited = await client.GetAsync($"/api/hotspot/purchases/{Guid.NewGuid()}");
        var problem = JsonDocument.Parse(await limited.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("TOO_MANY_REQUESTS"));
        Assert.That(limited.Headers.RetryAfter, Is.Not.Null);
    }
}
