using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Http;
using Hotspot.GraphQL.Language;
using Microsoft.AspNetCore.Http;

namespace Hotspot.Benchmarks;

/// <summary>
/// The whole HTTP handler in process for the 40-field query (body reading, negotiation, document cache,
/// execution, response writing), without sockets. <c>Cold</c> parses and validates each time (empty cache).
/// </summary>
[MemoryDiagnoser]
public class HttpPipelineBenchmarks
{
    private GraphQLHttpHandler _warm = null!;
    private GraphQLHttpHandler _cold = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        var schema = ExecutableSchemaBuilder.FromDocument(Parser.Parse(FortyFieldQuery.Schema)).Build();
        var root = JsonDocument.Parse(FortyFieldQuery.Data).RootElement.Clone();
        _warm = new GraphQLHttpHandler(schema, new GraphQLHttpOptions { RootValue = _ => root });
        _cold = new GraphQLHttpHandler(schema, new GraphQLHttpOptions { RootValue = _ => root, DocumentCacheSize = 0 });
        _body = Encoding.UTF8.GetBytes("{\"query\":" + JsonSerializer.Serialize(FortyFieldQuery.Query) + ",\"variables\":" + FortyFieldQuery.Variables + "}");
        if (Run(_warm).GetAwaiter().GetResult() != 200)
        {
            throw new InvalidOperationException("The benchmark request fails.");
        }
    }

    private async Task<int> Run(GraphQLHttpHandler handler)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(_body, writable: false);
        context.Response.Body = Stream.Null;
        await handler.HandleAsync(context);
        return context.Response.StatusCode;
    }

    [Benchmark(Baseline = true)]
    public Task<int> Warm() => Run(_warm);

    [Benchmark]
    public Task<int> Cold() => Run(_cold);
}
