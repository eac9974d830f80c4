using System.Net;
using System.Text;
using System.Text.Json;
using Hotspot.GraphQL.Http;

namespace Hotspot.Tests.GraphQL.Http;

/// <summary>Apollo automatic persisted queries, as Apollo Client's persisted-query link uses them.</summary>
public class PersistedQueryEndpointTests
{
    private GraphQLTestServer _server = null!;

    [SetUp]
    public async Task StartAsync() => _server = await GraphQLTestServer.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private static object Extension(string hash) => new { persistedQuery = new { version = 1, sha256Hash = hash } };

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(object payload)
    {
        var content = new StringContent(JsonSerializer.Serialize(payload), Encoding.UTF8, "application/json");
        var response = await _server.Client.PostAsync("/graphql", content);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string? Code(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;

    [Test]
    public async Task An_unknown_hash_asks_the_client_to_send_the_query()
    {
        var (status, body) = await PostAsync(new { extensions = Extension(PersistedQuery.Hash("{ hello }")) });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Code(body), Is.EqualTo("PERSISTED_QUERY_NOT_FOUND"));
        Assert.That(body.GetProperty("errors")[0].GetProperty("message").GetString(), Is.EqualTo("PersistedQueryNotFound"));
        Assert.That(body.TryGetProperty("data", out _), Is.False);
    }

    [Test]
    public async Task Sending_query_and_hash_registers_it_for_later_hash_only_requests()
    {
        const string query = "{ hello users { name } }";
        var hash = PersistedQuery.Hash(query);

        var (_, first) = await PostAsync(new { query, extensions = Extension(hash) });
        var (status, second) = await PostAsync(new { extensions = Extension(hash) });

        Assert.That(first.GetProperty("data").GetProperty("hello").GetString(), Is.EqualTo("world"));
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.GetProperty("data").GetRawText(), Is.EqualTo(first.GetProperty("data").GetRawText()));
    }

    [Test]
    public async Task Hash_only_requests_work_over_get_once_registered()
    {
        const string query = "{ hello }";
        var hash = PersistedQuery.Hash(query);
        await PostAsync(new { query, extensions = Extension(hash) });

        var url = "/graphql?extensions=" + Uri.EscapeDataString(JsonSerializer.Serialize(Extension(hash)));
        var body = JsonDocument.Parse(await _server.Client.GetStringAsync(url)).RootElement;

        Assert.That(body.GetProperty("data").GetProperty("hello").GetString(), Is.EqualTo("world"));
    }

    [Test]
    public async Task A_hash_that_does_not_match_the_query_is_refused_and_not_registered()
    {
        var wrong = PersistedQuery.Hash("{ users { id } }");

        var (_, mismatch) = await PostAsync(new { query = "{ hello }", extensions = Extension(wrong) });
        var (_, lookup) = await PostAsync(new { extensions = Extension(wrong) });

        Assert.That(Code(mismatch), Is.EqualTo("PERSISTED_QUERY_HASH_MISMATCH"));
        Assert.That(Code(lookup), Is.EqualTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    [Test]
    public async Task An_invalid_query_is_not_registered()
    {
        const string query = "{ hello(";
        var hash = PersistedQuery.Hash(query);
        await PostAsync(new { query, extensions = Extension(hash) });

        var (_, body) = await PostAsync(new { extensions = Extension(hash) });

        Assert.That(Code(body), Is.EqualTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    [Test]
    public async Task A_query_longer_than_the_cache_limit_runs_but_is_not_registered()
    {
        var query = "{ hello } #" + new string('x', 20_000);
        var hash = PersistedQuery.Hash(query);

        var (_, first) = await PostAsync(new { query, extensions = Extension(hash) });
        var (_, lookup) = await PostAsync(new { extensions = Extension(hash) });

        Assert.That(first.GetProperty("data").GetProperty("hello").GetString(), Is.EqualTo("world"));
        Assert.That(Code(lookup), Is.EqualTo("PERSISTED_QUERY_NOT_FOUND"));
    }

    [Test]
    public async Task A_malformed_persisted_query_extension_is_reported()
    {
        var (_, body) = await PostAsync(new { extensions = new { persistedQuery = new { version = 2, sha256Hash = "x" } } });
        Assert.That(Code(body), Is.EqualTo("PERSISTED_QUERY_INVALID"));
    }
}
