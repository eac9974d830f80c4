using System.Collections.Concurrent;
using Hotspot.Api.Logging;
using Microsoft.AspNetCore.Hosting;
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
