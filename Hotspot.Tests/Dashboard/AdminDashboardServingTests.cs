using System.Net;
using System.Net.Http.Headers;
using Hotspot.Tests.Api;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotspot.Tests.Dashboard;

/// <summary>
/// /admin serves a dashboard build (here a stand-in folder, so these tests need no Node.js) with a strict
/// Content-Security-Policy, falls back to index.html for the app's own routes, and explains itself when there is no
/// build; a browser at /graphql goes to the dashboard's GraphiQL only when the dashboard is there.
/// </summary>
public class AdminDashboardServingTests
{
    private string _build = null!;

    [SetUp]
    public void MakeBuild()
    {
        _build = Path.Combine(Path.GetTempPath(), "hotspot-admin-build-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_build, "assets"));
        File.WriteAllText(Path.Combine(_build, "index.html"), "<!doctype html><title>Hotspot admin</title><script type=module src=/admin/assets/index-abc123.js></script>");
        File.WriteAllText(Path.Combine(_build, "assets", "index-abc123.js"), "console.log('dashboard')");
    }

    [TearDown]
    public void RemoveBuild() => Directory.Delete(_build, recursive: true);

    private TestApi Api(string folder) => new(new Dictionary<string, string?> { ["Dashboard:Path"] = folder });

    private static HttpClient Client(TestApi api) => api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Test]
    public async Task The_app_is_served_with_a_strict_content_security_policy_and_its_routes_fall_back_to_index_html()
    {
        await using var api = Api(_build);
        using var client = Client(api);

        var root = await client.GetAsync("/admin");
        Assert.That(root.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(root.Headers.Location?.ToString(), Is.EqualTo("/admin/"));

        foreach (var path in new[] { "/admin/", "/admin/plans", "/admin/vouchers/print?batch=1" })
        {
            using var page = await client.GetAsync(path);
            Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
            Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), path);
            Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<title>Hotspot admin</title>"), path);
            var policy = page.Headers.GetValues("Content-Security-Policy").Single();
            var scripts = policy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
            Assert.That(scripts, Is.EqualTo("script-src 'self'"), "no inline script, no eval, nothing from elsewhere");
            Assert.That(policy, Does.Contain("default-src 'none'").And.Contain("connect-src 'self'").And.Contain("frame-ancestors 'none'"));
            Assert.That(page.Headers.CacheControl?.NoCache, Is.True, "index.html is checked each time so a new build is picked up");
            Assert.That(page.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
        }

        using var script = await client.GetAsync("/admin/assets/index-abc123.js");
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
        Assert.That(script.Headers.CacheControl?.ToString(), Does.Contain("immutable"), "hashed assets are cached for good");
    }

    [Test]
    public async Task A_missing_asset_is_not_found_rather_than_the_page_and_nothing_outside_the_build_is_served()
    {
        await using var api = Api(_build);
        using var client = Client(api);

        Assert.That((await client.GetAsync("/admin/assets/gone-123.js")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await client.GetAsync("/admin/favicon.ico")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        foreach (var path in new[] { "/admin/..%2F..%2Fappsettings.json", "/admin/%2E%2E/Hotspot.Api.dll", "/admin/assets/..%2F..%2Fhotspot.db" })
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(body, Does.Not.Contain("Serilog").And.Not.Contain("MZ"), path);
            Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.NotFound, HttpStatusCode.BadRequest), path);
        }
        Assert.That((await client.PostAsync("/admin/", new StringContent(""))).StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }

    [Test]
    public async Task Without_a_build_admin_says_how_to_build_it_and_the_api_still_answers()
    {
        var empty = Path.Combine(_build, "not-built");
        Directory.CreateDirectory(empty);
        await using var api = Api(empty);
        using var client = Client(api);

        using var page = await client.GetAsync("/admin/plans");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        var text = await page.Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain("has not been built").And.Contain("Node.js 20").And.Contain("dotnet build Hotspot.Api"));

        using var graphql = await client.PostAsync("/graphql", new StringContent("{\"query\":\"{ me { id } }\"}", MediaTypeHeaderValue.Parse("application/json")));
        Assert.That(graphql.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await graphql.Content.ReadAsStringAsync(), Is.EqualTo("{\"data\":{\"me\":null}}"));
    }

    [Test]
    public async Task A_browser_at_graphql_goes_to_graphiql_when_the_dashboard_is_built_and_gets_the_plain_explorer_otherwise()
    {
        await using (var api = Api(_build))
        {
            using var client = Client(api);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
            using var response = await client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/admin/explorer"));

            using var json = await client.GetAsync("/graphql?query=%7B__typename%7D");
            Assert.That(await json.Content.ReadAsStringAsync(), Does.Contain("\"__typename\":\"Query\""), "API clients are not redirected");
        }

        var empty = Path.Combine(_build, "not-built");
        Directory.CreateDirectory(empty);
        await using (var api = Api(empty))
        {
            using var client = Client(api);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        }
    }
}
