using Microsoft.Extensions.Primitives;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// Picks the response media type from an <c>Accept</c> header, honouring q-values (highest wins, the earlier
/// entry on a tie). <c>*/*</c>, <c>application/*</c> and a missing header mean <c>application/json</c>, as the
/// GraphQL-over-HTTP audits expect; a <c>charset</c> other than UTF-8 does not match.
/// </summary>
public static class AcceptHeaderNegotiator
{
    public static ResponseMediaType Negotiate(StringValues accept, bool allowHtml)
    {
        if (StringValues.IsNullOrEmpty(accept))
        {
            return ResponseMediaType.Json;
        }

        var best = ResponseMediaType.None;
        var bestQuality = 0.0;
        var sawEntry = false;
        foreach (var headerLine in accept)
        {
            if (headerLine is null)
            {
                continue;
            }

            var rest = headerLine.AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var entry = comma < 0 ? rest : rest[..comma];
                rest = comma < 0 ? ReadOnlySpan<char>.Empty : rest[(comma + 1)..];
                if (entry.Trim().IsEmpty)
                {
                    continue;
                }

                sawEntry = true;
                var (candidate, quality) = Classify(entry, allowHtml);
                if (candidate != ResponseMediaType.None && quality > bestQuality)
                {
                    best = candidate;
                    bestQuality = quality;
                }
            }
        }

        return sawEntry ? best : ResponseMediaType.Json;
    }

    private static (ResponseMediaType Type, double Quality) Classify(ReadOnlySpan<char> entry, bool allowHtml)
    {
        var semicolon = entry.IndexOf(';');
        var range = (semicolon < 0 ? entry : entry[..semicolon]).Trim();
        var type = MediaTypeOf(range, allowHtml);
        if (type == ResponseMediaType.None)
        {
            return (type, 0);
        }

        var quality = 1.0;
        var parameters = semicolon < 0 ? ReadOnlySpan<char>.Empty : entry[(semicolon + 1)..];
        while (!parameters.IsEmpty)
        {
            var next = parameters.IndexOf(';');
            var parameter = (next < 0 ? parameters : parameters[..next]).Trim();
            parameters = next < 0 ? ReadOnlySpan<char>.Empty : parameters[(next + 1)..];
            var equals = parameter.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var name = parameter[..equals].Trim();
            var value = parameter[(equals + 1)..].Trim().Trim('"');
            if (name.Equals("q", StringComparison.OrdinalIgnoreCase))
            {
                if (!double.TryParse(value, System.Globalization.NumberStyles.AllowDecimalPoint,
                        System.Globalization.CultureInfo.InvariantCulture, out quality) || quality > 1)
                {
                    quality = 1.0;
                }
            }
            else if (name.Equals("charset", StringComparison.OrdinalIgnoreCase)
                     && !value.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                     && !value.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                return (ResponseMediaType.None, 0);
            }
        }

        return quality <= 0 ? (ResponseMediaType.None, 0) : (type, quality);
    }

    private static ResponseMediaType MediaTypeOf(ReadOnlySpan<char> range, bool allowHtml)
    {
        if (range.Equals(GraphQLMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
        {
            return ResponseMediaType.GraphQLResponseJson;
        }

        if (range.Equals(GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase)
            || range.Equals("application/*", StringComparison.OrdinalIgnoreCase)
            || range.Equals("*/*", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseMediaType.Json;
        }

        if (allowHtml && range.Equals(GraphQLMediaTypes.Html, StringComparison.OrdinalIgnoreCase))
        {
            return ResponseMediaType.Html;
        }

        return ResponseMediaType.None;
    }
}
