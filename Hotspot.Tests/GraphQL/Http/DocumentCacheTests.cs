using System.Text;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Http;
using Hotspot.GraphQL.Language;
using Microsoft.AspNetCore.Http;

namespace Hotspot.Tests.GraphQL.Http;

/// <summary>The prepared-document cache: a repeated query text is parsed and validated once, and the cache is bounded.</summary>
public class DocumentCacheTests
{
    private static async Task<int> PostAsync(GraphQLHttpHandler handler, string query)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { query })));
        context.Response.Body = new MemoryStream();
        await handler.HandleAsync(context);
        return context.Response.StatusCode;
    }

    private static GraphQLHttpHandler Handler(int cacheSize)
    {
        var schema = ExecutableSchemaBuilder.FromDocument(Parser.Parse(GraphQLTestServer.Schema)).Build();
        return new GraphQLHttpHandler(schema, new GraphQLHttpOptions { DocumentCacheSize = cacheSize });
    }

    [Test]
    public async Task A_repeated_query_reuses_the_prepared_document()
    {
        var handler = Handler(10);
        await PostAsync(handler, "{ hello }");
        var first = handler.CachedDocument("{ hello }");
        await PostAsync(handler, "{ hello }");

        Assert.That(first, Is.Not.Null);
        Assert.That(handler.CachedDocument("{ hello }"), Is.SameAs(first));
    }

    [Test]
    public async Task Invalid_documents_are_cached_with_their_errors()
    {
        var handler = Handler(10);
        Assert.That(await PostAsync(handler, "{ hello("), Is.EqualTo(200));
        Assert.That(handler.CachedDocument("{ hello(")!.Errors, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Queries_longer_than_the_cache_limit_run_but_are_not_kept()
    {
        var handler = Handler(10);
        var query = "{ hello } #" + new string('x', 20_000);
        Assert.That(await PostAsync(handler, query), Is.EqualTo(200));
        Assert.That(handler.CachedDocument(query), Is.Null);
    }

    [Test]
    public async Task The_cache_is_bounded()
    {
        var handler = Handler(5);
        for (var i = 0; i < 50; i++)
        {
            await PostAsync(handler, $"{{ a{i}: hello }}");
        }

        Assert.That(handler.CachedDocumentCount, Is.EqualTo(5));
    }
}
