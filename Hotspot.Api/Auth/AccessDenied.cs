using Hotspot.GraphQL.Execution;

namespace Hotspot.Api.Auth;

/// <summary>The access errors, as GraphQL errors with <c>extensions.code</c> (the REST routes map them to status codes).</summary>
public static class AccessDenied
{
    public const string UnauthenticatedCode = "UNAUTHENTICATED";
    public const string ForbiddenCode = "FORBIDDEN";
    public const string NotFoundCode = "NOT_FOUND";

    public static GraphQLException Unauthenticated() =>
        new("Sign in first: send Authorization: Bearer <token> from the login mutation.", UnauthenticatedCode);

    public static GraphQLException Forbidden(string message) => new(message, ForbiddenCode);

    public static GraphQLException NotFound(string what) => new($"{what} not found.", NotFoundCode);
}
