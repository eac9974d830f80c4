using Microsoft.AspNetCore.Http;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// Settings of a GraphQL-over-HTTP endpoint. The defaults accept every legitimate client query seen in practice
/// (GraphiQL's full introspection query included) while refusing documents built to exhaust the server.
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>Largest accepted POST body, in bytes; a bigger one gets 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Most lexical tokens a document may have; counted while parsing, before any AST is built.</summary>
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>Deepest selection-set nesting an operation may have, through fragments.</summary>
    public int MaxDepth { get; set; } = 32;

    /// <summary>Most aliased fields a document may contain.</summary>
    public int MaxAliases { get; set; } = 100;

    /// <summary>Most fields an operation may select once every fragment spread is expanded.</summary>
    public int MaxFields { get; set; } = 2_000;

    /// <summary>Deepest nesting accepted inside the JSON body (variables and extensions).</summary>
    public int MaxJsonDepth { get; set; } = 64;

    /// <summary>How many parsed and validated documents are kept, keyed by query text.</summary>
    public int DocumentCacheSize { get; set; } = 500;

    /// <summary>
    /// Longest query text (in characters) kept in the document and persisted-query caches; longer queries still
    /// run but are prepared each time, so a flood of huge distinct queries cannot fill memory.
    /// </summary>
    public int MaxCachedQueryLength { get; set; } = 16 * 1024;

    /// <summary>Accept Apollo automatic persisted queries (<c>extensions.persistedQuery.sha256Hash</c>).</summary>
    public bool EnablePersistedQueries { get; set; } = true;

    /// <summary>How many persisted queries are kept in memory.</summary>
    public int PersistedQueryCacheSize { get; set; } = 1_000;

    /// <summary>Serve the explorer page on GET when the client asks for <c>text/html</c> (a browser).</summary>
    public bool EnableExplorer { get; set; } = true;

    /// <summary>
    /// Where a browser is sent instead of the built-in explorer page (a 302 to a fuller IDE served elsewhere on the
    /// site, e.g. GraphiQL); null serves the built-in page. Only used while <see cref="EnableExplorer"/> is on.
    /// </summary>
    public string? ExplorerUrl { get; set; }

    /// <summary>Allow mutations over GET. Off by default: GET must be safe (GraphQL over HTTP, 405).</summary>
    public bool AllowMutationsOverGet { get; set; }

    /// <summary>The root value handed to the executor for each request; null gives no root value.</summary>
    public Func<HttpContext, object?>? RootValue { get; set; }
}
