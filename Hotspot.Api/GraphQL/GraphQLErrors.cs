using Hotspot.GraphQL.Execution;

namespace Hotspot.Api.GraphQL;

/// <summary>Field errors with the codes the dashboard branches on.</summary>
public static class GraphQLErrors
{
    public const string ValidationCode = "VALIDATION";
    public const string ProviderErrorCode = "PROVIDER_ERROR";

    public static GraphQLException Validation(string message) => new(message, ValidationCode);

    /// <summary>A GraphQL ID that must be one of our ids (GUIDs); anything else names nothing we have.</summary>
    public static Guid ParseId(string? id, string what)
    {
        if (Guid.TryParse(id, out var guid)) return guid;
        throw new GraphQLException($"{what} not found.", Auth.AccessDenied.NotFoundCode);
    }
}
