using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotspot.Api.Auth;
using Hotspot.Domain.Users;
using Hotspot.Storage;
using Hotspot.Tests.Api.GraphQL;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotspot.Tests.Api.Auth;

/// <summary>Bootstrap admin, hashed passwords, revocation by deactivation, and the admin-only Kopo Kopo routes.</summary>
public class AdminAuthTests
{
    private AdminApi _api = null!;
    private string _platform = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await AdminApi.StartAsync(DatabaseProvider.Sqlite);
        _platform = await _api.LoginAsync(AdminApi.AdminEmail, AdminApi.AdminPassword);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
    }

    private async Task<(string Organization, string Admin, string Viewer)> OrganizationWithUsersAsync(string name)
    {
        var org = (await _api.PostAsync("mutation($n: String!) { createOrganization(input: { name: $n }) { id } }", new { n = name }, _platform))
            ["data"]!["createOrganization"]!["id"]!.GetValue<string>();
        var slug = name.Replace(" ", "").ToLowerInvariant();
        foreach (var (email, role) in new[] { ($"admin@{slug}.test", "ORGANIZATION_ADMIN"), ($"viewer@{slug}.test", "ORGANIZATION_VIEWER") })
        {
            var created = await _api.PostAsync("mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                new { i = new { email, password = "a long enough password", role, organizationId = org } }, _platform);
            Assert.That(created["errors"], Is.Null, created.ToJsonString());
        }
        return (org, await _api.LoginAsync($"admin@{slug}.test", "a long enough password"), await _api.LoginAsync($"viewer@{slug}.test", "a long enough password"));
    }

    [Test]
    public async Task The_bootstrap_admin_exists_once_with_an_identity_password_hash()
    {
        await using var db = await _api.Api.Services.GetRequiredService<IDbContextFactory<HotspotDbContext>>().CreateDbContextAsync();
        var admins = await db.Users.Where(u => u.Email == AdminApi.AdminEmail).ToListAsync();
        Assert.That(admins, Has.Count.EqualTo(1));
        Assert.That(admins[0].Role, Is.EqualTo(UserRole.PlatformAdmin));
        Assert.That(admins[0].PasswordHash, Does.Not.Contain(AdminApi.AdminPassword));
        Assert.That(new PasswordHasher<User>().VerifyHashedPassword(admins[0], admins[0].PasswordHash, AdminApi.AdminPassword),
            Is.Not.EqualTo(PasswordVerificationResult.Failed));
        Assert.That(await db.Users.CountAsync(u => u.Email == AuthOptions.DevelopmentAdminEmail), Is.Zero,
            "with a configured bootstrap admin no development admin is made");
    }

    [Test]
    public async Task In_development_without_a_bootstrap_admin_one_is_created_whose_logged_password_works()
    {
        var log = new StringWriter();
        var original = Console.Out;
        Console.SetOut(TextWriter.Synchronized(log));
        string output;
        await using var api = new TestApi(new Dictionary<string, string?> { ["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"] = "" });
        try
        {
            using var client = api.CreateClient();
            Assert.That((await client.GetAsync("/healthz")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            Console.SetOut(original);
            output = log.ToString();
        }
        var match = System.Text.RegularExpressions.Regex.Match(output, "one-time password \"?([A-Za-z0-9]{20})\"?");
        Assert.That(match.Success, Is.True, output);
        using var login = api.CreateClient();
        var response = await login.PostAsJsonAsync("/graphql", new
        {
            query = "mutation($i: LoginInput!) { login(input: $i) { user { email role } } }",
            variables = new { i = new { email = AuthOptions.DevelopmentAdminEmail, password = match.Groups[1].Value } },
        });
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("PLATFORM_ADMIN"));
    }

    [Test]
    public async Task Deactivating_a_user_revokes_their_token_at_once()
    {
        var (org, admin, viewer) = await OrganizationWithUsersAsync("Revoked ISP");
        var viewerId = (await _api.PostAsync("{ me { id } }", token: viewer))["data"]!["me"]!["id"]!.GetValue<string>();
        var before = await _api.PostAsync("query($o: ID!) { organization(id: $o) { name } }", new { o = org }, viewer);
        Assert.That(before["errors"], Is.Null);

        var deactivated = await _api.PostAsync("mutation($u: ID!) { deactivateUser(userId: $u) { isActive } }", new { u = viewerId }, admin);
        Assert.That(deactivated["data"]!["deactivateUser"]!["isActive"]!.GetValue<bool>(), Is.False, deactivated.ToJsonString());

        var after = await _api.PostAsync("query($o: ID!) { organization(id: $o) { name } }", new { o = org }, viewer);
        Assert.That(AdminApi.Code(after), Is.EqualTo("UNAUTHENTICATED"));
        var relogin = await _api.PostAsync("mutation { login(input: { email: \"viewer@revokedisp.test\", password: \"a long enough password\" }) { token } }");
        Assert.That(AdminApi.Code(relogin), Is.EqualTo("UNAUTHENTICATED"));
    }

    [Test]
    public async Task Weak_passwords_and_duplicate_emails_are_refused()
    {
        var (org, admin, _) = await OrganizationWithUsersAsync("Strict ISP");
        var weak = await _api.PostAsync("mutation($o: ID) { createUser(input: { email: \"x@strict.test\", password: \"short\", role: ORGANIZATION_VIEWER, organizationId: $o }) { id } }",
            new { o = org }, admin);
        Assert.That(AdminApi.Code(weak), Is.EqualTo("VALIDATION"));
        var duplicate = await _api.PostAsync("mutation($o: ID) { createUser(input: { email: \"ADMIN@strictisp.test\", password: \"another long password\", role: ORGANIZATION_VIEWER, organizationId: $o }) { id } }",
            new { o = org }, admin);
        Assert.That(AdminApi.Code(duplicate), Is.EqualTo("VALIDATION"));
        var platform = await _api.PostAsync("mutation { createUser(input: { email: \"p@strict.test\", password: \"another long password\", role: PLATFORM_ADMIN }) { id } }",
            token: admin);
        Assert.That(AdminApi.Code(platform), Is.EqualTo("FORBIDDEN"));
    }

    [Test]
    public async Task Kopo_Kopo_admin_routes_need_an_admin_of_the_organization()
    {
        var (org, admin, viewer) = await OrganizationWithUsersAsync("Rest Admin ISP");
        var (other, otherAdmin, _) = await OrganizationWithUsersAsync("Other Rest ISP");

        async Task<HttpStatusCode> GetAsync(string organization, string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/payments/kopokopo/transactions/{organization}");
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await _api.Client.SendAsync(request)).StatusCode;
        }
        async Task<HttpResponseMessage> PayAsync(string organization, string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/payments/kopokopo/pay")
            {
                Content = JsonContent.Create(new { organizationId = organization, phoneNumber = "0712345678", amountKes = 100, reason = "Refund" }),
            };
            if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await _api.Client.SendAsync(request);
        }

        Assert.That(await GetAsync(org, null), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await GetAsync(org, viewer), Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await GetAsync(org, otherAdmin), Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await GetAsync(org, admin), Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await PayAsync(org, null)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await PayAsync(org, viewer)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await PayAsync(other, admin)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var unconfigured = await PayAsync(org, admin);
        Assert.That(unconfigured.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await unconfigured.Content.ReadAsStringAsync());
        Assert.That(await unconfigured.Content.ReadAsStringAsync(), Does.Contain("PAYMENT_METHOD_NOT_CONFIGURED"));
    }
}
