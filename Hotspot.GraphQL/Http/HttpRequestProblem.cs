using Microsoft.AspNetCore.Http;

namespace Hotspot.GraphQL.Http;

/// <summary>A request refused at the HTTP level (before GraphQL is involved): a status code and a message.</summary>
public sealed record HttpRequestProblem(int StatusCode, string Message)
{
    public static HttpRequestProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
}
