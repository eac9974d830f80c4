using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Hotspot.Providers.Common;

/// <summary>
/// Parses JSON that comes from outside (portal, callbacks, RADIUS) so that reading it afterwards cannot throw.
/// <see cref="JsonDocument"/> accepts an escaped lone surrogate (<c>"\ud800"</c>) in a string or a property name,
/// and only the later <c>TryGetProperty</c>, <c>GetString</c>, <c>Name</c> or <c>Deserialize</c> throws
/// <see cref="InvalidOperationException"/> on it. Here every escaped string is decoded once, up front, and such a
/// body is refused with a problem sentence instead. So is a NUL character (<c>"\u0000"</c>): no provider sends one, and
/// PostgreSQL cannot store it in a text column. Numbers still need <c>TryGet...</c>: their range is the reader's business.
/// </summary>
public static class UntrustedJson
{
    public const int DefaultMaxDepth = 64;

    /// <summary>The parsed document (the caller disposes it), or a sentence that says what is wrong with the body.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out JsonDocument? document, [NotNullWhen(false)] out string? problem,
        int maxDepth = DefaultMaxDepth)
    {
        document = null;
        problem = Check(utf8, maxDepth);
        if (problem is not null)
            return false;
        // Check read every token with the same limits, so this cannot fail.
        document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = maxDepth });
        return true;
    }

    private static string? Check(ReadOnlySpan<byte> utf8, int maxDepth)
    {
        if (utf8.IsEmpty)
            return "The body is empty.";
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
            return "The body is not valid UTF-8.";
        // One level more for the reader, so that too deep a body is told apart from a syntax error.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                    return $"The body is nested deeper than {maxDepth} levels.";
                // Decoding the escapes throws on a lone surrogate. An unescaped string cannot hold either (the UTF-8 is valid,
                // and the reader refuses raw control characters).
                if (reader.TokenType is JsonTokenType.PropertyName or JsonTokenType.String && reader.ValueIsEscaped
                    && reader.GetString()!.Contains('\0'))
                    return $"The body has a NUL character (\\u0000) in a string (line {LineOf(utf8, reader.TokenStartIndex)}), which cannot be stored.";
            }
        }
        catch (JsonException e)
        {
            return $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).";
        }
        catch (InvalidOperationException)
        {
            return $"The body has an unpaired surrogate escape (\\uD800-\\uDFFF) in a string (line {LineOf(utf8, reader.TokenStartIndex)}), which is not text.";
        }
        return null;
    }

    private static int LineOf(ReadOnlySpan<byte> utf8, long index) => utf8[..(int)index].Count((byte)'\n') + 1;
}
