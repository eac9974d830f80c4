using System.Net;

namespace Hotspot.Tests.Api;

/// <summary>The REST routes' interactive reference: served, with its own assets, in Development only.</summary>
[Slow(TestCategories.Host)]
public class ApiReferenceTests
{
    [Test]
    public async Task Development_serves_the_reference_page_and_its_assets_from_the_api_itself()
    {
        await using var api = new TestApi();
        using var client = api.CreateClient();

        using var page = await client.GetAsync("/scalar/v1");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("openapi/v1.json"));
        Assert.That(html, Does.Contain("src=\"scalar.js\"").And.Not.Contain("cdn."), "no assets from elsewhere");
        Assert.That((await client.GetAsync("/scalar/scalar.js")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/openapi/v1.json")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Production_has_no_reference_page()
    {
        await using var api = new TestApi(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            ["HOTSPOT_ENCRYPTION_KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        using var client = api.CreateClient();

        Assert.That((await client.GetAsync("/scalar/v1")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
