using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Portal;

/// <summary>
/// Plays a MikroTik hotspot's <c>/login</c> on a free 127.0.0.1 port: records each form posted to it and answers
/// with a small "logged in" page, as the router's alogin.html would.
/// </summary>
internal sealed class StandInRouter : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record LoginPost(string Username, string Password, string Dst, string Mac, string Ip);

    public ConcurrentQueue<LoginPost> Logins { get; } = new();

    private StandInRouter(WebApplication app) => _app = app;

    public Uri LoginUrl => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/login");

    public static async Task<StandInRouter> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var router = new StandInRouter(app);
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
