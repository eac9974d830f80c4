using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Hotspot.Tests.Api.Fuzz;

/// <summary>One concrete request target: a method and a path, with the route template it came from.</summary>
public sealed record FuzzTarget(string Method, string Template, string Path)
{
    private static readonly string[] MethodsOfAnyMethodRoute = ["GET", "POST"];

    /// <summary>
    /// Every route the app serves, from its <see cref="EndpointDataSource"/> (so routes added later are included),
    /// with each route parameter filled in by <paramref name="valuesOf"/> (one target per value when it gives several).
    /// </summary>
    public static List<FuzzTarget> AllOf(EndpointDataSource endpoints, Func<string, IReadOnlyList<string>> valuesOf) =>
        endpoints.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint =>
            {
                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } listed ? listed : MethodsOfAnyMethodRoute;
                var template = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                return Paths(endpoint.RoutePattern, valuesOf).SelectMany(path => methods.Select(method => new FuzzTarget(method, template, path)));
            })
            .DistinctBy(target => (target.Method, target.Path))
            .OrderBy(target => target.Path, StringComparer.Ordinal).ThenBy(target => target.Method, StringComparer.Ordinal)
            .ToList();

    private static IEnumerable<string> Paths(RoutePattern pattern, Func<string, IReadOnlyList<string>> valuesOf)
    {
        IEnumerable<string> paths = [""];
        foreach (var segment in pattern.PathSegments)
        {
            IEnumerable<string> texts = [""];
            foreach (var part in segment.Parts)
            {
                IReadOnlyList<string> choices = part switch
                {
                    RoutePatternLiteralPart literal => [literal.Content],
                    RoutePatternSeparatorPart separator => [separator.Content],
                    RoutePatternParameterPart parameter => valuesOf(parameter.Name),
                    _ => [""],
                };
                texts = texts.SelectMany(text => choices.Select(choice => text + choice)).ToList();
            }
            paths = paths.SelectMany(path => texts.Select(text => path + "/" + text)).ToList();
        }
        return paths.Select(path => path.Length == 0 ? "/" : path);
    }
}
