using Microsoft.AspNetCore.Http.HttpResults;

namespace Hotspot.Api.Apis;

/// <summary>
/// The REST routes' problem body (RFC 9457): the status, a stable <c>code</c> both as the title and in
/// <c>extensions.code</c> (what clients switch on), and a detail a person can read.
/// </summary>
public static class ApiProblem
{
    /// <param name="title">Only where the title has always been a phrase rather than the code.</param>
    /// <param name="extra">Further members, written after <c>code</c>.</param>
    public static ProblemHttpResult Of(int status, string code, string detail, string? title = null,
        IEnumerable<KeyValuePair<string, object?>>? extra = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        foreach (var (name, value) in extra ?? [])
            extensions[name] = value;
        return TypedResults.Problem(statusCode: status, title: title ?? code, detail: detail, extensions: extensions);
    }
}
