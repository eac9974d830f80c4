using System.Collections.Concurrent;
using Hotspot.Api.Logging;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Api;

public class RequestLoggingTests
{
    [Test]
    public async Task Each_request_gets_a_new_id_returned_as_a_header_and_logged()
    {
        var logs = new CapturingLoggerProvider();
        await using var api = new TestApi();
        using var client = api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs))).CreateClient();

        var first = await client.GetAsync("/healthz");
        var second = await client.GetAsync("/healthz");

        var firstId = first.Headers.GetValues(RequestLoggingMiddleware.HeaderName).Single();
        var secondId = second.Headers.GetValues(RequestLoggingMiddleware.HeaderName).Single();
        Assert.That(firstId, Is.Not.EqualTo(secondId));
        Assert.That(firstId, Has.Length.EqualTo(32));
        // Serilog renders string values quoted when it forwards events to other providers.
        var messages = logs.Messages.Select(m => m.Replace("\"", "")).ToList();
        Assert.That(messages, Has.Some.Contains("HTTP GET /healthz responded 200").And.Contains(firstId));
        Assert.That(logs.Messages, Has.Some.Contains(secondId));
    }

    [Test]
    public async Task A_well_formed_caller_id_is_kept_and_a_malformed_one_replaced()
    {
        await using var api = new TestApi();
        using var client = api.CreateClient();

        using var good = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { { RequestLoggingMiddleware.HeaderName, "portal-42.a_b" } } };
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/healthz") { Headers = { { RequestLoggingMiddleware.HeaderName, "<script>" + new string('x', 80) } } };

        Assert.That((await client.SendAsync(good)).Headers.GetValues(RequestLoggingMiddleware.HeaderName).Single(), Is.EqualTo("portal-42.a_b"));
        Assert.That((await client.SendAsync(bad)).Headers.GetValues(RequestLoggingMiddleware.HeaderName).Single(), Does.Not.Contain("<"));
    }

    [Test]
    public async Task Unknown_routes_answer_404_with_a_request_id()
    {
        await using var api = new TestApi();
        using var client = api.CreateClient();
        var response = await client.GetAsync("/no-such-route");
        Assert.That((int)response.StatusCode, Is.EqualTo(404));
        Assert.That(response.Headers.Contains(RequestLoggingMiddleware.HeaderName), Is.True);
    }

    [Test]
    public async Task A_request_the_client_abandoned_is_one_information_line_not_an_error()
    {
        var logs = new LogCapture();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        using var aborted = new CancellationTokenSource();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        context.Request.Method = "POST";
        context.Request.Path = "/api/hotspot/purchase-voucher";
        var middleware = new RequestLoggingMiddleware(async http =>
        {
            await aborted.CancelAsync();
            // What Npgsql throws when the request's token cancels a connection open.
            throw new InvalidOperationException("open failed", new TaskCanceledException());
        }, factory.CreateLogger<RequestLoggingMiddleware>());

        await middleware.InvokeAsync(context);

        Assert.That(logs.Errors, Is.Empty);
        var line = logs.Entries.Single(e => e.Category == typeof(RequestLoggingMiddleware).FullName);
        Assert.That((line.Level, line.Exception), Is.EqualTo((LogLevel.Information, (Exception?)null)));
        Assert.That(line.Message, Does.Contain("abandoned by the client"));
    }

    [Test]
    public void A_failure_of_a_request_still_connected_is_logged_as_an_error_and_rethrown()
    {
        var logs = new LogCapture();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var context = new DefaultHttpContext();
        var middleware = new RequestLoggingMiddleware(_ => throw new TaskCanceledException("a timeout, not the client"),
            factory.CreateLogger<RequestLoggingMiddleware>());

        Assert.ThrowsAsync<TaskCanceledException>(() => middleware.InvokeAsync(context));
        Assert.That(logs.Errors, Has.Count.EqualTo(1));
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _messages = new();

        public IReadOnlyCollection<string> Messages => _messages;

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(_messages);

        public void Dispose() { }

        private sealed class CapturingLogger(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                messages.Enqueue(formatter(state, exception));
        }
    }
}
