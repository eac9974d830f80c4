namespace Hotspot.GraphQL.Errors;

/// <summary>
/// A value that a scalar or enum cannot represent, thrown by the coercion hooks with graphql-js's wording
/// (<c>Int cannot represent non-integer value: 1.5</c>). The executor turns it into a field or request error.
/// </summary>
public sealed class GraphQLCoercionException(string message, Exception? innerException = null)
    : Exception(message, innerException);
