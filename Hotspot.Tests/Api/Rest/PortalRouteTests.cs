using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Storage;
using Hotspot.Tests.Api.EndToEnd;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Tests.Api.Rest;

/// <summary>The portal routes' contract: plans on sale, precise 400s, 404s, 409s, 413s, never a 500.</summary>
public class PortalRouteTests
{
    private BillingDatabase _database = null!;
    private BillingApi _api = null!;
    private HttpClient _client = null!;
    private Organization _organization = null!;
    private Plan _plan = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _database = await BillingDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _api = new BillingApi(_database, new Dictionary<string, string?> { ["Payments:ReconcilerEnabled"] = "false" });
        _client = _api.CreateClient();
        _organization = await _api.DemoOrganizationAsync();
        _plan = await _api.DemoPlanAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _client?.Dispose();
        if (_api is not null)
            await _api.DisposeAsync();
        if (_database is not null)
            await _database.DisposeAsync();
    }

    [Test]
    public async Task Plans_lists_the_active_plans_only()
    {
        Guid archivedId;
        await using (var db = await _api.Contexts.CreateDbContextAsync())
        {
            var archived = Plan.Create(_organization.Id, new PlanSettings("Old plan", 5, TimeSpan.FromHours(1)), DateTime.UtcNow);
            archived.Archive(DateTime.UtcNow);
            db.Plans.Add(archived);
            await db.SaveChangesAsync();
            archivedId = archived.Id;
        }

        var plans = await _client.GetFromJsonAsync<JsonElement>($"/api/hotspot/organizations/{_organization.Id}/plans");

        var ids = plans.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
        Assert.That(ids, Has.Count.EqualTo(3).And.Not.Contains(archivedId));
        Assert.That(plans[0].GetProperty("priceKes").GetInt64(), Is.EqualTo(10));
        Assert.That(plans[0].GetProperty("durationSeconds").GetInt64(), Is.EqualTo(3600));
    }

    [Test]
    public async Task Plans_of_an_unknown_organization_are_not_found()
    {
        using var response = await _client.GetAsync($"/api/hotspot/organizations/{Guid.NewGuid()}/plans");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("", "empty")]
    [TestCase("{", "not valid JSON")]
    [TestCase("[1,2]", "must be a JSON object")]
    [TestCase("\"text\"", "must be a JSON object")]
    public async Task A_malformed_body_is_a_precise_400(string body, string detail)
    {
        using var response = await PostRawAsync("/api/hotspot/purchase-voucher", body);
        var problem = await ProblemAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(detail));
        Assert.That(problem.GetProperty("code").GetString(), Is.EqualTo("VALIDATION"));
    }

    [Test]
    public async Task Wrong_types_and_missing_fields_are_named()
    {
        using var response = await PostRawAsync("/api/hotspot/purchase-voucher", """{"organizationId":5,"planId":"nope","macAddress":7}""");
        var errors = (await ProblemAsync(response)).GetProperty("errors");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(errors.GetProperty("organizationId")[0].GetString(), Does.Contain("must be a string"));
        Assert.That(errors.GetProperty("planId")[0].GetString(), Does.Contain("not a UUID"));
        Assert.That(errors.GetProperty("phoneNumber")[0].GetString(), Does.Contain("required"));
        Assert.That(errors.GetProperty("macAddress")[0].GetString(), Does.Contain("must be a string"));
    }

    [TestCase("0812345678", "phoneNumber")]
    [TestCase("not a phone", "phoneNumber")]
    public async Task A_bad_phone_number_is_a_400(string phone, string field)
    {
        using var response = await Portal.PurchaseAsync(_client, _organization.Id, _plan.Id, phone);
        var problem = await ProblemAsync(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(field));
    }

    [Test]
    public async Task A_bad_mac_address_is_a_400()
    {
        using var response = await _client.PostAsJsonAsync("/api/hotspot/purchase-voucher",
            new { organizationId = _organization.Id, planId = _plan.Id, phoneNumber = "0712345678", macAddress = "zz:11" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await ProblemAsync(response)).GetProperty("detail").GetString(), Does.Contain("macAddress"));
    }

    [Test]
    public async Task Unknown_organization_and_plan_are_404_with_codes()
    {
        using var noOrganization = await Portal.PurchaseAsync(_client, Guid.NewGuid(), _plan.Id, "0712345678");
        using var noPlan = await Portal.PurchaseAsync(_client, _organization.Id, Guid.NewGuid(), "0712345678");

        Assert.That(noOrganization.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await ProblemAsync(noOrganization)).GetProperty("code").GetString(), Is.EqualTo("ORGANIZATION_NOT_FOUND"));
        Assert.That(noPlan.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await ProblemAsync(noPlan)).GetProperty("code").GetString(), Is.EqualTo("PLAN_NOT_FOUND"));
    }

    [Test]
    public async Task Another_organizations_plan_is_not_found()
    {
        var other = await BillingSeed.OrganizationAsync(_api, "Other portal hotspot", PaymentMethodType.Mpesa);
        Guid otherPlan;
        await using (var db = await _api.Contexts.CreateDbContextAsync())
            otherPlan = await db.Plans.Where(p => p.OrganizationId == other.Id).Select(p => p.Id).FirstAsync();

        using var response = await Portal.PurchaseAsync(_client, _organization.Id, otherPlan, "0712345678");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task No_active_payment_method_is_a_409_and_writes_no_purchase()
    {
        var organization = Organization.Create("No method hotspot", "test", DateTime.UtcNow);
        var plan = Plan.Create(organization.Id, new PlanSettings("Plan", 10, TimeSpan.FromHours(1)), DateTime.UtcNow);
        await using (var db = await _api.Contexts.CreateDbContextAsync())
        {
            db.Organizations.Add(organization);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
        }

        using var response = await Portal.PurchaseAsync(_client, organization.Id, plan.Id, "0712345678");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await ProblemAsync(response)).GetProperty("code").GetString(), Is.EqualTo("PAYMENT_METHOD_NOT_CONFIGURED"));
        await using var check = await _api.Contexts.CreateDbContextAsync();
        Assert.That(await check.Purchases.AnyAsync(p => p.OrganizationId == organization.Id), Is.False);
    }

    [Test]
    public async Task The_kopo_kopo_route_is_a_409_unless_kopo_kopo_is_active()
    {
        using var response = await Portal.PurchaseAsync(_client, _organization.Id, _plan.Id, "0712345678", "/api/hotspot/purchase-voucher-kopokopo");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await ProblemAsync(response)).GetProperty("code").GetString(), Is.EqualTo("KOPOKOPO_NOT_ACTIVE"));
    }

    [Test]
    public async Task An_archived_plan_is_not_sold()
    {
        Plan plan;
        await using (var db = await _api.Contexts.CreateDbContextAsync())
        {
            plan = Plan.Create(_organization.Id, new PlanSettings("Gone", 7, TimeSpan.FromHours(1)), DateTime.UtcNow);
            plan.Archive(DateTime.UtcNow);
            db.Plans.Add(plan);
            await db.SaveChangesAsync();
        }

        using var response = await Portal.PurchaseAsync(_client, _organization.Id, plan.Id, "0712345678");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That((await ProblemAsync(response)).GetProperty("code").GetString(), Is.EqualTo("PLAN_NOT_ON_SALE"));
    }

    [TestCase("/api/hotspot/purchase-voucher")]
    [TestCase("/api/payments/kopokopo/callback/{org}/buygoods")]
    [TestCase("/api/payments/daraja/callback/{org}/{token}")]
    public async Task Bodies_over_64_KB_are_refused_with_413(string route)
    {
        var url = route.Replace("{org}", _organization.Id.ToString()).Replace("{token}", _organization.DarajaCallbackToken);
        var body = "{\"padding\":\"" + new string('x', 65 * 1024) + "\"}";

        using var response = await PostRawAsync(url, body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task An_unknown_purchase_is_not_found()
    {
        using var unknown = await _client.GetAsync($"/api/hotspot/purchases/{Guid.NewGuid()}");
        using var notAnId = await _client.GetAsync("/api/hotspot/purchases/12345");

        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(notAnId.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task The_openapi_document_describes_the_rest_routes_and_no_daraja_url_has_a_forbidden_word()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.That(paths, Does.Contain("/api/hotspot/purchase-voucher"));
        Assert.That(paths, Does.Contain("/api/hotspot/purchase-voucher-kopokopo"));
        Assert.That(paths, Does.Contain("/api/hotspot/purchases/{purchaseId}"));
        Assert.That(paths, Does.Contain("/api/hotspot/organizations/{organizationId}/plans"));
        Assert.That(paths, Does.Contain("/api/payments/kopokopo/callback/{organizationId}/{callbackType}"));
        var daraja = paths.Where(p => p.StartsWith("/api/payments/daraja/", StringComparison.Ordinal)).ToList();
        Assert.That(daraja, Has.Count.EqualTo(5));
        foreach (var word in new[] { "mpesa", "safaricom", "query" })
            Assert.That(daraja, Has.None.Contains(word).IgnoreCase);
        Assert.That(paths, Has.None.StartsWith("/sandbox"));
    }

    private Task<HttpResponseMessage> PostRawAsync(string url, string body) =>
        _client.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }
}
