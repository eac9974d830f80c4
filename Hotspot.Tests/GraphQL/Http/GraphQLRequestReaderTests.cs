using System.Buffers;
using System.Text;
using System.Text.Json;
using Hotspot.GraphQL.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Hotspot.Tests.GraphQL.Http;

public class GraphQLRequestReaderTests
{
    private static GraphQLRequestReader.Result Parse(string body) =>
        GraphQLRequestReader.ParseJsonBody(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), maxJsonDepth: 64);

    [Test]
    public void Reads_every_parameter()
    {
        var result = Parse("""{"query":"{ a }","operationName":"Op","variables":{"x":[1,2]},"extensions":{"e":true},"other":[1,{"a":2}]}""");

        Assert.That(result.Problem, Is.Null);
        var request = result.Request!;
        Assert.That(request.Query, Is.EqualTo("{ a }"));
        Assert.That(request.OperationName, Is.EqualTo("Op"));
        Assert.That(request.Variables!.Value.GetProperty("x").GetArrayLength(), Is.EqualTo(2));
        Assert.That(request.Extensions!.Value.GetProperty("e").GetBoolean(), Is.True);
    }

    [Test]
    public void Null_parameters_are_absent()
    {
        var request = Parse("""{"query":null,"operationName":null,"variables":null,"extensions":null}""").Request!;
        Assert.That(request, Is.EqualTo(new GraphQLHttpRequest(null, null, null, null)));
    }

    [TestCase("", "missing")]
    [TestCase("   ", "not valid JSON")]
    [TestCase("{", "not valid JSON")]
    [TestCase("{\"query\":\"{ a }\"} trailing", "not valid JSON")]
    [TestCase("[]", "must be a JSON object, not an array")]
    [TestCase("\"text\"", "must be a JSON object, not a string")]
    [TestCase("{\"query\":{}}", "\"query\" parameter must be a string, not an object")]
    [TestCase("{\"query\":1}", "\"query\" parameter must be a string, not a number")]
    [TestCase("{\"query\":true}", "\"query\" parameter must be a string, not a boolean")]
    [TestCase("{\"query\":[]}", "\"query\" parameter must be a string, not an array")]
    [TestCase("{\"query\":\"{a}\",\"operationName\":2}", "\"operationName\" parameter must be a string")]
    [TestCase("{\"query\":\"{a}\",\"variables\":\"{}\"}", "\"variables\" parameter must be a JSON object, not a string")]
    [TestCase("{\"query\":\"{a}\",\"variables\":[]}", "\"variables\" parameter must be a JSON object, not an array")]
    [TestCase("{\"query\":\"{a}\",\"extensions\":0}", "\"extensions\" parameter must be a JSON object, not a number")]
    public void Malformed_bodies_are_400_with_a_precise_message(string body, string expected)
    {
        var problem = Parse(body).Problem;

        Assert.That(problem, Is.Not.Null);
        Assert.That(problem!.StatusCode, Is.EqualTo(400));
        Assert.That(problem.Message, Does.Contain(expected));
    }

    [Test]
    public void Deeply_nested_json_is_refused_without_recursion()
    {
        var body = "{\"query\":\"{a}\",\"variables\":{\"x\":" + new string('[', 10_000) + new string(']', 10_000) + "}}";
        var problem = Parse(body).Problem;

        Assert.That(problem!.StatusCode, Is.EqualTo(400));
        Assert.That(problem.Message, Does.Contain("not valid JSON"));
    }

    [Test]
    public void Invalid_utf8_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"query\":\"{ a }\"}");
        bytes[11] = 0xFF;
        var result = GraphQLRequestReader.ParseJsonBody(new ReadOnlySequence<byte>(bytes), 64);

        Assert.That(result.Problem?.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task A_body_over_the_limit_is_413()
    {
        var body = Encoding.UTF8.GetBytes("{\"query\":\"" + new string('a', 2_000) + "\"}");
        var pipe = System.IO.Pipelines.PipeReader.Create(new MemoryStream(body));

        var result = await GraphQLRequestReader.ReadPostAsync(pipe, contentLength: null, maxBytes: 1_000, maxJsonDepth: 64, CancellationToken.None);

        Assert.That(result.Problem?.StatusCode, Is.EqualTo(413));
    }

    [Test]
    public async Task A_declared_length_over_the_limit_is_413_before_reading()
    {
        var pipe = System.IO.Pipelines.PipeReader.Create(new MemoryStream([]));
        var result = await GraphQLRequestReader.ReadPostAsync(pipe, contentLength: 5_000, maxBytes: 1_000, maxJsonDepth: 64, CancellationToken.None);
        Assert.That(result.Problem?.StatusCode, Is.EqualTo(413));
    }

    [Test]
    public void Get_parameters_are_read_with_json_variables()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["query"] = "query ($n: String) { a(n: $n) }",
            ["operationName"] = "",
            ["variables"] = "{\"n\":\"x\"}",
        });

        var request = GraphQLRequestReader.ReadGet(query, 64).Request!;

        Assert.That(request.Query, Does.StartWith("query"));
        Assert.That(request.OperationName, Is.Null);
        Assert.That(request.Variables!.Value.GetProperty("n").GetString(), Is.EqualTo("x"));
        Assert.That(request.Extensions, Is.Null);
    }

    [TestCase("variables", "[1]", "must be a JSON object, not an array")]
    [TestCase("variables", "{", "not valid JSON")]
    [TestCase("extensions", "\"x\"", "must be a JSON object, not a string")]
    public void Bad_get_json_parameters_are_400(string name, string value, string expected)
    {
        var query = new QueryCollection(new Dictionary<string, StringValues> { ["query"] = "{a}", [name] = value });
        var problem = GraphQLRequestReader.ReadGet(query, 64).Problem;
        Assert.That(problem!.StatusCode, Is.EqualTo(400));
        Assert.That(problem.Message, Does.Contain(expected));
    }
}
