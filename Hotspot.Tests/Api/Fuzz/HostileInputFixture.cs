using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotspot.Api.Payments;
using Hotspot.Api.Radius;
using Hotspot.Domain.Organizations;
using Hotspot.Domain.Plans;
using Hotspot.Domain.Radius;
using Hotspot.Domain.Vouchers;
using Hotspot.Providers.KopoKopo;
using Hotspot.Storage;
using Hotspot.Storage.Radius;
using Hotspot.Tests.Api.EndToEnd;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Api.Fuzz;

/// <summary>
/// The real API for hostile-input tests, with everything a caller could authenticate as: an organization with both
/// providers configured (M-Pesa active), a plan, a pending purchase, a registered router with an active voucher,
/// the RADIUS shared secret, a signed-in platform admin, and Daraja callbacks allowed from one address only.
/// <see cref="SendAsync"/> sends raw bytes with all of those credentials, the Kopo Kopo signature computed over the
/// very bytes sent, so each route gets past its authentication and reads the body.
/// </summary>
public abstract class HostileInputFixture(DatabaseProvider provider) : BillingApiFixture(provider)
{
    public const string RadiusSecret = "hostile-input-radius-secret-01";
    public const string DarajaAddress = "192.0.2.10"; // TEST-NET-1: the only allowed Daraja callback source here
    private const string AdminEmail = "root@hostile.test";
    private const string AdminPassword = "hostile input is expected";

    protected Organization Organization { get; private set; } = null!;
    protected Plan Plan { get; private set; } = null!;
    protected Router Router { get; private set; } = null!;
    protected Voucher Voucher { get; private set; } = null!;
    protected string PendingCheckoutId { get; } = "ws_CO_HOSTILE_" + Guid.NewGuid().ToString("N")[..12];
    protected Guid PendingPurchaseId { get; private set; }
    protected string AdminToken { get; private set; } = null!;

    /// <summary>What the API logged: bad input is answered with at most a line at Information or Warning.</summary>
    protected LogRecorder Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["HOTSPOT_BOOTSTRAP_ADMIN_EMAIL"] = AdminEmail,
        ["HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD"] = AdminPassword,
        ["Radius:SharedSecret"] = RadiusSecret,
        [DarajaCallbackSources.ConfigurationKey] = DarajaAddress,
        ["RateLimits:CallbackPermitsPerMinute"] = "10000000",
        ["RateLimits:PortalPermitsPerMinute"] = "10000000",
        ["RateLimits:PurchasesPerAddressPerMinute"] = "10000000",
        ["RateLimits:PromptsPerPhone"] = "10000000",
        ["RateLimits:PollsPerPurchasePerMinute"] = "10000000",
        ["RateLimits:PollsPerAddressPerMinute"] = "10000000",
        // Thousands of requests: only warnings and errors on the console.
        ["Serilog:MinimumLevel"] = "Warning",
    };

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<ILoggerProvider>(Logs);

    protected override async Task SeedAsync()
    {
        Organization = await BillingSeed.OrganizationAsync(Api, "Hostile input hotspot", PaymentMethodType.Mpesa);
        await using (var db = await Api.Contexts.CreateDbContextAsync())
            Plan = await db.Plans.AsNoTracking().SingleAsync(p => p.OrganizationId == Organization.Id);
        PendingPurchaseId = (await BillingSeed.PendingPurchaseAsync(Api, Organization.Id, PendingCheckoutId)).Id;
        Router = await Api.Services.GetRequiredService<RouterRegistry>().RegisterAsync(Organization.Id, "Hostile shop",
            "hostile-" + Guid.NewGuid().ToString("N")[..8], "10.8.0.9", RouterAttributeProfile.Mikrotik, CancellationToken.None);
        Voucher = Voucher.IssueUnused(Plan, VoucherCodeGenerator.ForPurchase(), VoucherSource.Batch, null, DateTime.UtcNow.AddMinutes(-5));
        await using (var db = await Api.Contexts.CreateDbContextAsync())
        {
            db.Vouchers.Add(Voucher);
            await db.SaveChangesAsync();
        }
        using var login = await Client.PostAsJsonAsync("/graphql", new
        {
            query = "mutation($i: LoginInput!) { login(input: $i) { token } }",
            variables = new { i = new { email = AdminEmail, password = AdminPassword } },
        });
        var answer = JsonNode.Parse(await login.Content.ReadAsStringAsync())!;
        AdminToken = answer["data"]?["login"]?["token"]?.GetValue<string>() ?? throw new InvalidOperationException("No admin token: " + answer.ToJsonString());
    }

    /// <summary>Sends <paramref name="body"/> as is, with every credential the API knows, from the allowed Daraja address.</summary>
    protected async Task<(int Status, string Body)> SendAsync(string method, string path, byte[] body)
    {
        var context = await Api.Server.SendAsync(c =>
        {
            c.Request.Method = method;
            c.Request.Path = path;
            c.Request.ContentType = "application/json";
            c.Request.ContentLength = body.Length;
            c.Request.Body = new MemoryStream(body);
            c.Request.Headers.Authorization = "Bearer " + AdminToken;
            c.Request.Headers[RadiusOptions.SecretHeader] = RadiusSecret;
            c.Request.Headers[KopoKopoSignature.HeaderName] = KopoKopoSignature.Compute(BillingSeed.KopoKopoApiKey, body);
            c.Connection.RemoteIpAddress = IPAddress.Parse(DarajaAddress);
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }

    /// <summary>Valid bodies for a route, built on the seeded ids, so a mutation that keeps a body valid goes as deep as a real request.</summary>
    protected ValidBodies ValidBodies => new(Organization.Id, Plan.Id, PendingCheckoutId, Router.NasIdentifier!, Voucher.Code);
}
