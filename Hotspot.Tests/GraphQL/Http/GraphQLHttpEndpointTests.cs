using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hotspot.GraphQL.Http;

namespace Hotspot.Tests.GraphQL.Http;

/// <summary>GraphQL over HTTP through the real ASP.NET Core pipeline: methods, media types, status codes, guards.</summary>
public class GraphQLHttpEndpointTests
{
    private const string Grj = "application/graphql-response+json";
    private GraphQLTestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _server = await GraphQLTestServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private static HttpRequestMessage Post(string body, string? accept = null, string? contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return request;
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);

    private async Task<(HttpResponseMessage Response, JsonElement Body)> SendAsync(HttpRequestMessage request)
    {
        var response = await _server.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, body);
    }

    [Test]
    public async Task Post_executes_and_answers_application_json_by_default()
    {
        var (response, body) = await SendAsync(Post(Json(new { query = "{ hello user(id: 1) { name } }" })));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("application/json; charset=utf-8"));
        Assert.That(body.GetProperty("data").GetRawText(), Is.EqualTo("""{"hello":"world","user":{"name":"Ada"}}"""));
        Assert.That(body.TryGetProperty("errors", out _), Is.False);
    }

    [Test]
    public async Task Accepting_graphql_response_json_gets_that_content_type()
    {
        var (response, _) = await SendAsync(Post(Json(new { query = "{ hello }" }), accept: Grj));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo(Grj));
        Assert.That(response.Content.Headers.ContentType.CharSet, Is.EqualTo("utf-8"));
    }

    [Test]
    public async Task Get_executes_queries_with_json_variables()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("query ($id: ID!) { user(id: $id) { id } }") + "&variables=" + Uri.EscapeDataString("{\"id\":\"1\"}");
        var (response, body) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("data").GetProperty("user").GetProperty("id").GetString(), Is.EqualTo("1"));
    }

    [Test]
    public async Task Get_refuses_mutations_with_405_allow_post()
    {
        var url = "/graphql?query=" + Uri.EscapeDataString("mutation { rename(id: 1, name: \"x\") { name } }");
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", Grj);
        var (response, body) = await SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "POST" }));
        Assert.That(body.TryGetProperty("data", out _), Is.False);
        Assert.That(body.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("POST"));
    }

    [Test]
    public async Task Post_runs_mutations()
    {
        var (response, body) = await SendAsync(Post(Json(new { query = "mutation { rename(id: 1, name: \"x\") { name } }" })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("data").GetProperty("rename").GetProperty("name").GetString(), Is.EqualTo("Ada L."));
    }

    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("PATCH")]
    public async Task Other_methods_get_405_with_allow(string method)
    {
        var (response, _) = await SendAsync(new HttpRequestMessage(new HttpMethod(method), "/graphql") { Content = new StringContent("{}") });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(response.Content.Headers.Allow, Is.EquivalentTo(new[] { "GET", "POST" }));
    }

    [Test]
    public async Task An_unacceptable_accept_header_gets_406_listing_what_is_produced()
    {
        var (response, _) = await SendAsync(Post(Json(new { query = "{ hello }" }), accept: "text/plain"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable));
        Assert.That(response.Headers.GetValues("Accept").Single(), Does.Contain(Grj).And.Contain("application/json"));
    }

    [TestCase(null)]
    [TestCase("text/plain")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("application/json; charset=latin1")]
    public async Task A_post_that_is_not_json_gets_415(string? contentType)
    {
        var (response, body) = await SendAsync(Post(Json(new { query = "{ hello }" }), contentType: contentType));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(body.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("application/json"));
    }

    [TestCase("{", null)]
    [TestCase("{", Grj)]
    [TestCase("", null)]
    [TestCase("[1]", Grj)]
    [TestCase("{\"query\":7}", Grj)]
    [TestCase("{\"variables\":{}}", null)]
    public async Task Malformed_requests_get_400_with_an_error_body(string body, string? accept)
    {
        var (response, json) = await SendAsync(Post(body, accept));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(json.GetProperty("errors")[0].GetProperty("message").GetString(), Is.Not.Empty);
    }

    [Test]
    public async Task A_syntax_error_is_a_request_error_200_under_json_and_400_under_graphql_response_json()
    {
        var legacy = await SendAsync(Post(Json(new { query = "{ hello" })));
        var modern = await SendAsync(Post(Json(new { query = "{ hello" }), accept: Grj));

        Assert.That(legacy.Response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(modern.Response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        foreach (var body in new[] { legacy.Body, modern.Body })
        {
            Assert.That(body.TryGetProperty("data", out _), Is.False);
            var error = body.GetProperty("errors")[0];
            Assert.That(error.GetProperty("message").GetString(), Is.EqualTo("Syntax Error: Expected Name, found <EOF>."));
            Assert.That(error.GetProperty("locations")[0].GetProperty("column").GetInt32(), Is.EqualTo(8));
        }
    }

    [Test]
    public async Task A_variable_coercion_failure_is_a_request_error()
    {
        var (response, body) = await SendAsync(Post(Json(new { query = "query ($id: ID!) { user(id: $id) { id } }", variables = new { id = (string?)null } }), accept: Grj));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.TryGetProperty("data", out _), Is.False);
    }

    [Test]
    public async Task A_field_error_keeps_data_and_status_200()
    {
        var (response, body) = await SendAsync(Post(Json(new { query = "{ hello broken { name } }" }), accept: Grj));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("data").GetRawText(), Is.EqualTo("""{"hello":"world","broken":null}"""));
        Assert.That(body.GetProperty("errors")[0].GetProperty("path").GetRawText(), Is.EqualTo("""["broken","name"]"""));
    }

    [Test]
    public async Task An_unknown_operation_name_is_a_request_error()
    {
        var (response, body) = await SendAsync(Post(Json(new { query = "query A { hello }", operationName = "B" }), accept: Grj));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(body.GetProperty("errors")[0].GetProperty("message").GetString(), Is.EqualTo("Unknown operation named \"B\"."));
    }

    [Test]
    public async Task Utf8_text_round_trips_unescaped()
    {
        var (_, body) = await SendAsync(Post(Json(new { query = "{ hello(name: \"Run🏃Swim🏊\") }" })));
        Assert.That(body.GetProperty("data").GetProperty("hello").GetString(), Is.EqualTo("world"));
    }

    [Test]
    public async Task Browsers_get_the_explorer_page_without_any_external_resource()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var response = await _server.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(html, Does.Contain("GraphQL explorer").And.Contain("__schema"));
        Assert.That(html, Does.Not.Match("(src|href)\\s*=\\s*[\"']?(https?:)?//"), "nothing may be fetched from elsewhere");
        Assert.That(html, Does.Not.Contain("@import").And.Not.Contain("cdn"));
    }

    [Test]
    public async Task Post_from_a_browser_still_gets_json()
    {
        var (response, _) = await SendAsync(Post(Json(new { query = "{ hello }" }), accept: "text/html,*/*;q=0.8"));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
    }
}
