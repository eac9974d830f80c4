using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotspot.Tests.Api;

public class HealthTests
{
    [Test]
    public async Task Healthz_answers_ok()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/healthz");
        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }
}
