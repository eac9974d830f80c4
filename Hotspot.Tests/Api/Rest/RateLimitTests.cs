using System.Net;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;

namespace Hotspot.Tests.Api.Rest;

/// <summary>Public portal routes are rate limited per client address.</summary>
public class RateLimitTests
{
    [Test]
    public async Task The_portal_answers_429_over_its_limit()
    {
        await using var database = await BillingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var api = new BillingApi(database, new Dictionary<string, string?>
        {
            ["RateLimits:PortalPermitsPerMinute"] = "3",
            ["Payments:ReconcilerEnabled"] = "false",
        });
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
}
