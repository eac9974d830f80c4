using System.Net;
using System.Text;
using System.Text.Json;
using Hotspot.GraphQL.Http;

namespace Hotspot.Tests.GraphQL.Http;

/// <summary>The request guards, seen from a client: each limit gives a clear GraphQL error, never a 500.</summary>
public class GraphQLHttpGuardTests
{
    private GraphQLTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await GraphQLTestServer.StartAsync(new GraphQLHttpOptions
    {
        MaxRequestBodyBytes = 4_096,
        MaxTokens = 200,
        MaxDepth = 4,
        MaxAliases = 3,
        MaxFields = 30,
    });

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query }), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        var response = await _server.Client.SendAsync(request);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string Code(JsonElement body) => body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()!;

    [Test]
    public async Task Depth_over_the_limit_is_refused()
    {
        var (status, body) = await PostAsync("{ user(id: 1) { friends { friends { friends { name } } } } }");
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.TryGetProperty("data", out _), Is.False);
        Assert.That(Code(body), Is.EqualTo(DocumentLimitsGuard.MaxDepthCode));
    }

    [Test]
    public async Task Depth_at_the_limit_executes()
    {
        var (status, body) = await PostAsync("{ user(id: 1) { friends { friends { name } } } }");
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.TryGetProperty("data", out _), Is.True);
    }

    [Test]
    public async Task Too_many_aliases_are_refused()
    {
        var (_, body) = await PostAsync("{ a: hello b: hello c: hello d: hello }");
        Assert.That(Code(body), Is.EqualTo(DocumentLimitsGuard.MaxAliasesCode));
    }

    [Test]
    public async Task Too_many_fields_once_fragments_are_expanded_are_refused()
    {
        var (_, body) = await PostAsync("{ ...F3 } fragment F3 on Query { ...F2 ...F2 } fragment F2 on Query { ...F1 ...F1 } fragment F1 on Query { ...F0 ...F0 } fragment F0 on Query { hello users { id name } }");
        Assert.That(Code(body), Is.EqualTo(DocumentLimitsGuard.MaxFieldsCode));
    }

    [Test]
    public async Task Too_many_tokens_are_refused_while_parsing()
    {
        var query = "{ " + string.Join(" ", Enumerable.Repeat("hello", 250)) + " }";
        var (status, body) = await PostAsync(query);
        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("200 tokens"));
    }

    [Test]
    public async Task A_body_over_the_size_limit_gets_413()
    {
        var (status, body) = await PostAsync("{ hello } # " + new string('x', 5_000));
        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(body.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("4096 bytes"));
    }
}
