using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hotspot.Tests.Subscriptions;

/// <summary>
/// A bare graphql-sse client in distinct connections mode over <see cref="HttpClient"/>: one POST accepting
/// <c>text/event-stream</c>, read event by event.
/// </summary>
public sealed class EventStream : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private EventStream(HttpClient client, HttpResponseMessage response, StreamReader reader)
    {
        _client = client;
        _response = response;
        _reader = reader;
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Sends the operation; the stream is open once the headers arrived (check <see cref="Response"/>).</summary>
    public static async Task<EventStream> OpenAsync(Uri graphQLUrl, string? token, string query, object? variables = null)
    {
        var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var request = new HttpRequestMessage(HttpMethod.Post, graphQLUrl) { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        return new EventStream(client, response, reader);
    }

    /// <summary>The next raw line of the stream (comments included).</summary>
    public async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        return await _reader.ReadLineAsync(cancellation.Token);
    }

    /// <summary>The next event (its name and data), skipping keep-alive comments; null at the end of the stream.</summary>
    public async Task<(string Event, JsonNode? Data)?> ReadAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        string? name = null;
        string? data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellation.Token);
            if (line is null) return null;
            if (line.Length == 0)
            {
                if (name is null && data is null) continue; // after a comment
                return (name ?? "message", string.IsNullOrWhiteSpace(data) ? null : JsonNode.Parse(data));
            }
            if (line.StartsWith(':')) continue;
            if (line.StartsWith("event:", StringComparison.Ordinal)) name = line["event:".Length..].Trim();
            else if (line.StartsWith("data:", StringComparison.Ordinal)) data += line["data:".Length..].TrimStart();
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
