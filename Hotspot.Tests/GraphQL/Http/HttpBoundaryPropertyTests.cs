using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Hotspot.Tests.GraphQL.Http;

/// <summary>
/// Property: whatever arrives at the endpoint (random bytes, truncated or mutated requests, huge or deeply
/// nested bodies), the answer is a 4xx or a GraphQL response as JSON; never a 5xx, an exception or a crash.
/// </summary>
public class HttpBoundaryPropertyTests
{
    private const int Seed = 20261123;

    private static readonly string[] ValidQueries =
    [
        "{ hello }",
        "query Q($id: ID!) { user(id: $id) { id name friends { name } } }",
        "{ users { ...U } } fragment U on User { id name }",
        "mutation { rename(id: 1, name: \"x\") { name } }",
        "{ a: hello(name: \"Run🏃\") b: broken { name } __typename }",
        "{ __schema { types { name fields { name type { name ofType { name } } } } } }",
    ];

    private GraphQLTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await GraphQLTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private async Task AssertHandledAsync(byte[] body, string description, string contentType = "application/json", string accept = "application/graphql-response+json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        await AssertResponseAsync(request, description);
    }

    private async Task AssertResponseAsync(HttpRequestMessage request, string description)
    {
        using var response = await _server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        Assert.That(status, Is.LessThan(500), $"{description} -> {status}: {text}");
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        Assert.That(root.TryGetProperty("data", out _) || root.TryGetProperty("errors", out _), Is.True, $"{description} -> {text}");
        if (status >= 400)
        {
            Assert.That(root.GetProperty("errors").GetArrayLength(), Is.GreaterThan(0), $"{description} -> {text}");
        }
    }

    private static byte[] Request(string query, string? variables = null) =>
        Encoding.UTF8.GetBytes(variables is null
            ? JsonSerializer.Serialize(new { query })
            : "{\"query\":" + JsonSerializer.Serialize(query) + ",\"variables\":" + variables + "}");

    [Test]
    public async Task Random_bytes_get_a_4xx()
    {
        var random = new Random(Seed);
        for (var i = 0; i < 500; i++)
        {
            var body = new byte[random.Next(0, 300)];
            random.NextBytes(body);
            await AssertHandledAsync(body, $"random bytes #{i} (seed {Seed})");
        }
    }

    [Test]
    public async Task Every_truncation_of_a_request_body_is_handled()
    {
        foreach (var body in new[]
                 {
                     Request(ValidQueries[1], "{\"id\":\"1\"}"),
                     Request(ValidQueries[4]),
                     Encoding.UTF8.GetBytes("{\"query\":\"{ hello }\",\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + new string('a', 64) + "\"}}}"),
                 })
        {
            for (var length = 0; length <= body.Length; length++)
            {
                await AssertHandledAsync(body[..length], $"prefix {length} of {Encoding.UTF8.GetString(body)}");
            }
        }
    }

    [Test]
    public async Task Truncated_and_mutated_documents_give_graphql_errors()
    {
        var random = new Random(Seed);
        const string alphabet = "{}()[]:$@!.,=\"\\ \n#abcXYZ0189_-…🏃";
        for (var i = 0; i < 1_500; i++)
        {
            var query = ValidQueries[random.Next(ValidQueries.Length)];
            var text = new StringBuilder(query[..random.Next(query.Length + 1)]);
            if (random.Next(2) == 0)
            {
                text.Append(query[text.Length..]);
                for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
                {
                    var at = random.Next(text.Length);
                    switch (random.Next(3))
                    {
                        case 0: text.Remove(at, 1); break;
                        case 1: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                        default: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                    }
                }
            }

            var accept = random.Next(2) == 0 ? "application/json" : "application/graphql-response+json";
            await AssertHandledAsync(Request(text.ToString(), random.Next(3) == 0 ? "{\"id\":[1,{\"x\":null}]}" : null),
                $"document #{i} (seed {Seed}): {text}", accept: accept);
        }
    }

    [TestCase(10_000)]
    public async Task Ten_thousand_levels_of_nesting_are_refused_without_a_crash(int depth)
    {
        var selections = new StringBuilder();
        for (var i = 0; i < depth; i++) selections.Append("{ user(id: 1) ");
        selections.Append(new string('}', depth));
        await AssertHandledAsync(Request(selections.ToString()), "nested selections");

        var list = new string('[', depth) + new string(']', depth);
        await AssertHandledAsync(Request("{ user(id: " + list + ") { id } }"), "nested list value");
        await AssertHandledAsync(Request("query ($id: ID!) { user(id: $id) { id } }", "{\"id\":" + list + "}"), "nested JSON variables");

        var objects = new StringBuilder();
        for (var i = 0; i < depth; i++) objects.Append("{a:");
        objects.Append('1').Append('}', depth);
        await AssertHandledAsync(Request("{ user(id: " + objects + ") { id } }"), "nested object value");
        await AssertHandledAsync(Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth)), "nested JSON body");
    }

    [Test]
    public async Task Huge_bodies_and_documents_are_refused()
    {
        await AssertHandledAsync(Request("{ hello } #" + new string('x', 3 * 1024 * 1024)), "3 MB body");
        await AssertHandledAsync(Request("{ " + string.Join(" ", Enumerable.Repeat("hello", 100_000)) + " }"), "100,000 tokens");
        await AssertHandledAsync(Request("{ " + string.Join(" ", Enumerable.Range(0, 5_000).Select(i => $"a{i}: hello")) + " }"), "5,000 aliases");
        await AssertHandledAsync(Request(new string('"', 500_000)), "half a million quotes");
    }

    [Test]
    public async Task Random_get_query_strings_are_handled()
    {
        var random = new Random(Seed);
        string[] parameters = ["query", "operationName", "variables", "extensions", "junk"];
        for (var i = 0; i < 300; i++)
        {
            var url = new StringBuilder("/graphql?");
            for (var p = random.Next(0, 4); p > 0; p--)
            {
                var value = ValidQueries[random.Next(ValidQueries.Length)];
                value = value[..random.Next(value.Length + 1)];
                if (random.Next(3) == 0) value = "{\"id\":" + value + "}";
                url.Append(parameters[random.Next(parameters.Length)]).Append('=').Append(Uri.EscapeDataString(value)).Append('&');
            }

            var request = new HttpRequestMessage(HttpMethod.Get, url.ToString());
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(random.Next(2) == 0 ? "application/json" : "application/graphql-response+json"));
            await AssertResponseAsync(request, $"GET {url}");
        }
    }
}
