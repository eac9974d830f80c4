using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Hotspot.Tests.Providers;

/// <summary>
/// Receives the simulators' callbacks over real HTTP at <c>/inbox/{box}</c>, keeping raw bytes and headers.
/// A box named <c>reject-*</c> answers C2B validations with a rejection.
/// </summary>
public sealed class CallbackInbox
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ReceivedCallback>> _boxes = new();

    public void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/inbox/{box}", async (string box, HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _boxes.GetOrAdd(box, _ => new ConcurrentQueue<ReceivedCallback>()).Enqueue(new ReceivedCallback(buffer.ToArray(), headers, DateTimeOffset.UtcNow));
            return box.StartsWith("reject-", StringComparison.Ordinal)
                ? Results.Content("""{"ResultCode":"C2B00011","ResultDesc":"Rejected"}""", "application/json")
                : Results.Content("""{"ResultCode":"0","ResultDesc":"Accepted"}""", "application/json");
        });

    public IReadOnlyList<ReceivedCallback> In(string box) =>
        _boxes.TryGetValue(box, out var queue) ? queue.ToArray() : [];

    /// <summary>Waits until <paramref name="box"/> holds at least <paramref name="count"/> callbacks.</summary>
    public async Task<IReadOnlyList<ReceivedCallback>> WaitForAsync(string box, int count = 1, double timeoutSeconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            var received = In(box);
            if (received.Count >= count)
            {
                return received;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"Expected {count} callback(s) in '{box}', got {In(box).Count}.");
        return [];
    }
}

public sealed record ReceivedCallback(byte[] Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At);
