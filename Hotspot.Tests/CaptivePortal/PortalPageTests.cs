using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Hotspot.Domain.Plans;

namespace Hotspot.Tests.CaptivePortal;

/// <summary><c>/portal/{organizationId}</c> and its files through the real API host.</summary>
public partial class PortalPageTests
{
    private const string RouterQuery =
        "?link-login-only=http%3A%2F%2F10.5.50.1%2Flogin&mac=AA%3ABB%3ACC%3ADD%3AEE%3AFF&ip=10.5.50.20&dst=http%3A%2F%2Fexample.com%2Fnews";

    // One host for the fixture: every test only reads pages and files, so none can disturb another.
    private PortalApi _api = null!;

    [OneTimeSetUp]
    public void StartApi() => _api = new PortalApi();

    [OneTimeTearDown]
    public async Task StopApiAsync() => await _api.DisposeAsync();

    [Test]
    public async Task The_page_lists_the_active_plans_and_carries_the_router_login_with_a_policy_that_forbids_outside_sources()
    {
        var api = _api;
        var organizationId = await api.DemoOrganizationIdAsync();
        using var client = api.CreateClient();

        using var response = await client.GetAsync($"/portal/{organizationId}{RouterQuery}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/html; charset=utf-8"));
        var policy = Directives(response);
        Assert.That(policy["default-src"], Is.EqualTo("'none'"));
        Assert.That(policy["script-src"], Is.EqualTo("'self'"));
        Assert.That(policy["style-src"], Is.EqualTo("'self'"));
        Assert.That(policy["connect-src"], Is.EqualTo("'self'"));
        Assert.That(policy["form-action"], Is.EqualTo("'self' http://10.5.50.1"), "forms go only here and to the customer's router");
        Assert.That(policy["frame-ancestors"], Is.EqualTo("'none'"));
        Assert.That(response.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(response.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);

        Assert.That(html, Does.Contain("Demo Hotspot (sandbox)"));
        Assert.That(html, Does.Contain("KES 10").And.Contain("KES 50").And.Contain("KES 250"));
        Assert.That(html.IndexOf("KES 10<", StringComparison.Ordinal), Is.LessThan(html.IndexOf("KES 250<", StringComparison.Ordinal)), "cheapest first");
        Assert.That(html, Does.Contain("<form id=\"router-login\" method=\"post\" action=\"http://10.5.50.1/login\">"));
        Assert.That(html, Does.Contain("name=\"dst\" value=\"http://example.com/news\""));
        Assert.That(html, Does.Contain("name=\"mac\" value=\"AA:BB:CC:DD:EE:FF\"").And.Contain("name=\"ip\" value=\"10.5.50.20\""));
        Assert.That(html, Does.Contain("data-mac=\"AA:BB:CC:DD:EE:FF\""));
        Assert.That(html, Does.Not.Contain("<script>").And.Not.Contain("style="), "no inline script or style (the policy forbids them)");

        // Every resource the page loads is on this site; the only outside URLs are the router's, passed in.
        foreach (Match link in LinkAttribute().Matches(html))
            Assert.That(link.Groups["url"].Value, Does.StartWith("/portal/assets/"), link.Value);
        var outside = AbsoluteUrl().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.That(outside, Is.EquivalentTo(new[] { "http://10.5.50.1/login", "http://example.com/news" }));
    }

    [Test]
    public async Task Without_a_router_login_url_the_page_has_no_login_form_and_posts_forms_only_to_itself()
    {
        var api = _api;
        var organizationId = await api.DemoOrganizationIdAsync();
        using var client = api.CreateClient();

        using var response = await client.GetAsync($"/portal/{organizationId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Directives(response)["form-action"], Is.EqualTo("'self'"));
        Assert.That(html, Does.Not.Contain("router-login\" method"));
        Assert.That(AbsoluteUrl().Matches(html), Is.Empty);
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("data:text/html,hi")]
    [TestCase("//evil.example/login")]
    [TestCase("http://user:pass@10.5.50.1/login")]
    [TestCase("not a url")]
    public async Task A_router_login_url_that_is_not_plain_http_is_ignored(string loginUrl)
    {
        var api = _api;
        var organizationId = await api.DemoOrganizationIdAsync();
        using var client = api.CreateClient();

        using var response = await client.GetAsync($"/portal/{organizationId}?link-login-only={Uri.EscapeDataString(loginUrl)}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Directives(response)["form-action"], Is.EqualTo("'self'"));
        Assert.That(html, Does.Not.Contain("router-login\" method"));
    }

    [Test]
    public async Task Names_router_errors_and_parameters_are_encoded_and_junk_is_dropped()
    {
        var api = _api;
        var organization = await api.AddOrganizationAsync("<b>Mama's</b> \"Wi-Fi\" & Co",
            new PlanSettings("<script>x</script>", 5, TimeSpan.FromMinutes(30)));
        using var client = api.CreateClient();

        using var response = await client.GetAsync($"/portal/{organization.Id}?error=%3Cimg%20src%3Dx%3EVoucher%20expired" +
            "&mac=%22%3E%3Cscript%3E&ip=10.0.0.1%22%3E&link-login-only=http%3A%2F%2Fhotspot.lan%2Flogin%3Fa%3D1%26b%3D%22");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("&lt;b&gt;Mama&#x27;s&lt;/b&gt; &quot;Wi-Fi&quot; &amp; Co"));
        Assert.That(html, Does.Contain("&lt;script&gt;x&lt;/script&gt;"));
        Assert.That(html, Does.Contain("The hotspot said: &lt;img src=x&gt;Voucher expired"));
        Assert.That(html, Does.Contain("data-mac=\"\""), "a malformed MAC is dropped");
        Assert.That(html, Does.Not.Contain("name=\"ip\""), "a malformed IP is dropped");
        Assert.That(html, Does.Contain("action=\"http://hotspot.lan/login?a=1&amp;b=%22\""));
        Assert.That(html, Does.Contain("not taking M-Pesa payments yet"), "this organization has no payment method");
        Assert.That(html, Does.Not.Contain("<script>x").And.Not.Contain("<img").And.Not.Contain("<b>Mama"));
    }

    [TestCase("3f1e0f0e-0000-4000-8000-000000000000")]
    [TestCase("not-an-id")]
    public async Task An_unknown_organization_gets_a_clear_404_page(string organizationId)
    {
        var api = _api;
        using var client = api.CreateClient();

        using var response = await client.GetAsync($"/portal/{organizationId}{RouterQuery}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/html; charset=utf-8"));
        Assert.That(html, Does.Contain("<h1>Hotspot not found</h1>"));
        Assert.That(Directives(response)["default-src"], Is.EqualTo("'none'"));
        Assert.That(Directives(response)["form-action"], Is.EqualTo("'none'"));
        Assert.That(AbsoluteUrl().Matches(html), Is.Empty);
    }

    [TestCase("portal.css", "text/css; charset=utf-8")]
    [TestCase("portal.js", "text/javascript; charset=utf-8")]
    public async Task The_css_and_js_are_served_from_here_cached_by_version_gzipped_and_load_nothing_from_elsewhere(string name, string contentType)
    {
        var api = _api;
        var organizationId = await api.DemoOrganizationIdAsync();
        using var client = api.CreateClient();
        var page = await client.GetStringAsync($"/portal/{organizationId}");
        var url = LinkAttribute().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups["url"].Value)).Single(u => u.Contains(name));

        using var plain = await client.GetAsync(url);
        var text = await plain.Content.ReadAsStringAsync();
        Assert.That(plain.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(plain.Content.Headers.ContentType!.ToString(), Is.EqualTo(contentType));
        Assert.That(plain.Headers.CacheControl!.ToString(), Does.Contain("immutable").And.Contain("max-age=31536000"));
        Assert.That(plain.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
        Assert.That(text, Does.Not.Contain("http:").And.Not.Contain("https:").And.Not.Contain("@import").And.Not.Contain("url("));
        Assert.That(text.Length, Is.LessThan(16_000), "one small file");

        using var gzipRequest = new HttpRequestMessage(HttpMethod.Get, url);
        gzipRequest.Headers.AcceptEncoding.ParseAdd("gzip, br;q=0.5");
        using var gzipped = await client.SendAsync(gzipRequest);
        Assert.That(gzipped.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }));
        var compressed = await gzipped.Content.ReadAsByteArrayAsync();
        Assert.That(compressed.Length, Is.LessThan(text.Length / 2));
        using var unzip = new StreamReader(new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress));
        Assert.That(await unzip.ReadToEndAsync(), Is.EqualTo(text));

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.TryAddWithoutValidation("If-None-Match", plain.Headers.ETag!.ToString());
        using var notModified = await client.SendAsync(revalidate);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        using var unversioned = await client.GetAsync("/portal/assets/" + name);
        Assert.That(unversioned.Headers.CacheControl!.NoCache, Is.True, "an unversioned URL must be checked again");
        using var missing = await client.GetAsync("/portal/assets/other.js");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]*)\"")]
    private static partial Regex LinkAttribute();

    [GeneratedRegex("(?:https?:)?//[^\\s\"'<>]+")]
    private static partial Regex AbsoluteUrl();
}
