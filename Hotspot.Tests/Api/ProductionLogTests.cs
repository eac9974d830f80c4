using System.Text;
using System.Text.Json;
using Hotspot.Tests.GraphQL.Conformance;

namespace Hotspot.Tests.Api;

/// <summary>
/// The built API in Production, as a container runs it: every console line is one JSON object a log shipper can
/// read, with the request id and route on request lines, and no callback token ever appears.
/// </summary>
[Slow(TestCategories.Host)]
[NonParallelizable]
public class ProductionLogTests
{
    [Test]
    public async Task Every_console_line_in_production_is_a_json_object_without_secrets()
    {
        await using var api = await GraphQLServerProcess.StartApiAsync();
        using var client = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        const string token = "made-up-callback-token-5f1c2a";
        (await client.GetAsync("/healthz")).Dispose();
        (await client.PostAsync("/graphql", new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"))).Dispose();
        (await client.PostAsync($"/api/payments/daraja/callback/{Guid.NewGuid()}/{token}", new StringContent("{}", Encoding.UTF8, "application/json"))).Dispose();
        await Task.Delay(500); // the console sink writes asynchronously to the pipe

        var lines = api.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.GreaterThan(3));
        foreach (var line in lines)
        {
            using var entry = ParseOrFail(line);
            Assert.That(entry.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object), line);
            Assert.That(entry.RootElement.TryGetProperty("@t", out _), Is.True, line);
            Assert.That(entry.RootElement.TryGetProperty("@m", out _), Is.True, line);
        }
        Assert.That(lines.Where(l => l.Contains(token)), Is.Empty);
        var callbackLine = lines.Select(ParseOrFail).Single(e =>
            e.RootElement.TryGetProperty("Route", out var route) && route.GetString()!.StartsWith("/api/payments/daraja/callback/")
            && e.RootElement.TryGetProperty("StatusCode", out _));
        Assert.That(callbackLine.RootElement.GetProperty("Route").GetString(), Is.EqualTo("/api/payments/daraja/callback/{organizationId:guid}/{callbackToken}"));
        Assert.That(callbackLine.RootElement.TryGetProperty("RequestId", out _), Is.True);
        Assert.That(callbackLine.RootElement.TryGetProperty("OrganizationId", out _), Is.True);
    }

    private static JsonDocument ParseOrFail(string line)
    {
        try
        {
            return JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            Assert.Fail($"Not a JSON line ({e.Message}): {line}");
            throw;
        }
    }
}
