using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.CaptivePortal;

/// <summary>
/// Plays a MikroTik hotspot on a free 127.0.0.1 port: <c>GET /login</c> serves the repository's
/// <c>deploy/mikrotik/login.html</c> with the router's variables filled in, as the router does for a device that is
/// not logged in; <c>POST /login</c> records the form and answers with a small "logged in" page (alogin.html).
/// </summary>
internal sealed class StandInRouter : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record LoginPost(string Username, string Password, string Dst, string Mac, string Ip);

    public const string Mac = "AA:BB:CC:DD:EE:01";
    public const string Ip = "10.5.50.20";
    public const string OriginalUrl = "http://example.com/news";

    public ConcurrentQueue<LoginPost> Logins { get; } = new();

    /// <summary>What replaces PORTAL_URL in login.html: <c>https://host/portal/{organizationId}</c>.</summary>
    public string PortalUrl { get; set; } = "";

    private StandInRouter(WebApplication app) => _app = app;

    public Uri LoginUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/login");

    public static async Task<StandInRouter> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var router = new StandInRouter(app);
        app.MapGet("/login", () => Results.Content(router.RenderLoginPage(), "text/html; charset=utf-8"));
        app.MapPost("/login", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            router.Logins.Enqueue(new LoginPost(form["username"].ToString(), form["password"].ToString(), form["dst"].ToString(),
                form["mac"].ToString(), form["ip"].ToString()));
            return Results.Content("<!doctype html><title>Logged in</title><h1 id=\"logged-in\">You are logged in</h1>", "text/html; charset=utf-8");
        });
        await app.StartAsync();
        return router;
    }

    public string RenderLoginPage() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "mikrotik", "login.html"))
            .Replace("PORTAL_URL", PortalUrl)
            .Replace("$(link-login-only)", LoginUrl.ToString())
            .Replace("$(link-orig)", OriginalUrl)
            .Replace("$(mac)", Mac)
            .Replace("$(ip)", Ip)
            .Replace("$(error)", "");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
