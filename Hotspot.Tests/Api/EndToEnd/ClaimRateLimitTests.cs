using System.Net;
using System.Net.Http.Json;
using Hotspot.Storage;

namespace Hotspot.Tests.Api.EndToEnd;

/// <summary>
/// Claims by receipt are limited per receipt and per client address (in memory, whatever the database): past a
/// limit, <c>429 TOO_MANY_CLAIMS</c> with <c>Retry-After</c>, whether the guesses were right or wrong.
/// </summary>
public class ClaimRateLimitTests() : BillingApiFixture(DatabaseProvider.Sqlite)
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:ClaimsPerAddressPerMinute"] = "4",
        ["RateLimits:ClaimsPerReceiptPerMinute"] = "2",
    };

    [Test]
    public async Task Attempts_are_limited_per_receipt_and_per_address()
    {
        var organization = (await Api.DemoOrganizationAsync()).Id;

        var sameReceipt = new[]
        {
            await ClaimAsync(organization, "QAZ1WSX2ED"),
            await ClaimAsync(organization, "QAZ1WSX2ED"),
            await ClaimAsync(organization, "qaz1wsx2ed"),
        };
        using var fourthFromAddress = await ClaimAsync(organization, "RFV3TGB4YH");
        using var fifthFromAddress = await ClaimAsync(organization, "UJM5IKO6LP");

        Assert.That(sameReceipt.Select(r => r.StatusCode), Is.EqualTo(new[] { HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests }));
        Assert.That(sameReceipt[2].Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        Assert.That(await sameReceipt[2].Content.ReadAsStringAsync(), Does.Contain("TOO_MANY_CLAIMS"));
        Assert.That(fourthFromAddress.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(fifthFromAddress.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(fifthFromAddress.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        foreach (var response in sameReceipt)
            response.Dispose();
    }

    private Task<HttpResponseMessage> ClaimAsync(Guid organizationId, string receipt) =>
        Client.PostAsJsonAsync("/api/hotspot/claim", new { organizationId, receipt, phoneNumber = "0712345678" });
}
