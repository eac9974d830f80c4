namespace Hotspot.GraphQL.Http;

/// <summary>The response format chosen from the request's <c>Accept</c> header.</summary>
public enum ResponseMediaType
{
    /// <summary>Nothing acceptable: answer 406.</summary>
    None,

    /// <summary><c>application/json</c>: request errors are sent with status 200 (legacy clients).</summary>
    Json,

    /// <summary><c>application/graphql-response+json</c>: request errors are sent with status 400.</summary>
    GraphQLResponseJson,

    /// <summary><c>text/html</c>, preferred by a browser: serve the explorer page (GET only).</summary>
    Html,
}
