namespace Hotspot.GraphQL.Http;

/// <summary>Media types of GraphQL over HTTP and the response Content-Type values this endpoint sends.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";

    public const string GraphQLResponseJsonUtf8 = "application/graphql-response+json; charset=utf-8";
    public const string JsonUtf8 = "application/json; charset=utf-8";
    public const string HtmlUtf8 = "text/html; charset=utf-8";

    /// <summary>Sent in the <c>Accept</c> header of a 406 response: what this endpoint can produce.</summary>
    public const string Acceptable = GraphQLResponseJson + ", " + Json;
}
