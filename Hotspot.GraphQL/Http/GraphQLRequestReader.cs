using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// Reads GraphQL-over-HTTP parameters from a POST JSON body or a GET query string. Every malformed input ends
/// as an <see cref="HttpRequestProblem"/> with a precise message; nothing here throws for bad input.
/// </summary>
public static class GraphQLRequestReader
{
    /// <summary>The outcome of reading a request: parameters, or the reason they could not be read.</summary>
    public readonly record struct Result(GraphQLHttpRequest? Request, HttpRequestProblem? Problem)
    {
        public static implicit operator Result(GraphQLHttpRequest request) => new(request, null);
        public static implicit operator Result(HttpRequestProblem problem) => new(null, problem);
    }

    /// <summary>Reads the whole body (refusing more than <paramref name="maxBytes"/>) and parses it as JSON.</summary>
    public static async ValueTask<Result> ReadPostAsync(PipeReader body, long? contentLength, int maxBytes, int maxJsonDepth, CancellationToken cancellationToken)
    {
        if (contentLength > maxBytes)
        {
            return TooLarge(maxBytes);
        }

        while (true)
        {
            ReadResult read;
            try
            {
                read = await body.ReadAsync(cancellationToken);
            }
            catch (BadHttpRequestException exception)
            {
                return new HttpRequestProblem(exception.StatusCode, "The request body could not be read: " + exception.Message);
            }

            var buffer = read.Buffer;
            if (buffer.Length > maxBytes)
            {
                body.AdvanceTo(buffer.Start, buffer.End);
                return TooLarge(maxBytes);
            }

            if (read.IsCompleted || read.IsCanceled)
            {
                try
                {
                    return ParseJsonBody(buffer, maxJsonDepth);
                }
                finally
                {
                    body.AdvanceTo(buffer.End);
                }
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    /// <summary>Parses a POST body: a JSON object with <c>query</c>, <c>operationName</c>, <c>variables</c>, <c>extensions</c>.</summary>
    public static Result ParseJsonBody(ReadOnlySequence<byte> body, int maxJsonDepth)
    {
        if (body.IsEmpty)
        {
            return HttpRequestProblem.BadRequest("The request body is missing; expected a JSON object with a \"query\".");
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxJsonDepth });
        try
        {
            if (!reader.Read())
            {
                return HttpRequestProblem.BadRequest("The request body is empty; expected a JSON object with a \"query\".");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return HttpRequestProblem.BadRequest($"The request body must be a JSON object, not {Describe(reader.TokenType)}.");
            }

            string? query = null, operationName = null;
            JsonElement? variables = null, extensions = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("query"u8))
                {
                    reader.Read();
                    if (!TryReadString(ref reader, "query", out query, out var problem))
                    {
                        return problem!;
                    }
                }
                else if (reader.ValueTextEquals("operationName"u8))
                {
                    reader.Read();
                    if (!TryReadString(ref reader, "operationName", out operationName, out var problem))
                    {
                        return problem!;
                    }
                }
                else if (reader.ValueTextEquals("variables"u8))
                {
                    reader.Read();
                    if (!TryReadObject(ref reader, "variables", out variables, out var problem))
                    {
                        return problem!;
                    }
                }
                else if (reader.ValueTextEquals("extensions"u8))
                {
                    reader.Read();
                    if (!TryReadObject(ref reader, "extensions", out extensions, out var problem))
                    {
                        return problem!;
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Anything after the closing brace (other than whitespace) makes the reader throw.
            while (reader.Read())
            {
            }

            return new GraphQLHttpRequest(query, operationName, variables, extensions);
        }
        catch (JsonException exception)
        {
            return HttpRequestProblem.BadRequest("The request body is not valid JSON: " + TrimJsonMessage(exception));
        }
        catch (InvalidOperationException exception)
        {
            // Invalid UTF-8 inside a string surfaces here when the string is decoded.
            return HttpRequestProblem.BadRequest("The request body is not valid JSON: " + exception.Message);
        }
    }

    /// <summary>Reads GET parameters: <c>query</c>, <c>operationName</c>, and <c>variables</c>/<c>extensions</c> as JSON text.</summary>
    public static Result ReadGet(IQueryCollection parameters, int maxJsonDepth)
    {
        var query = NonEmpty(parameters["query"]);
        var operationName = NonEmpty(parameters["operationName"]);
        if (!TryParseJsonObjectParameter(NonEmpty(parameters["variables"]), "variables", maxJsonDepth, out var variables, out var problem)
            || !TryParseJsonObjectParameter(NonEmpty(parameters["extensions"]), "extensions", maxJsonDepth, out var extensions, out problem))
        {
            return problem!;
        }

        return new GraphQLHttpRequest(query, operationName, variables, extensions);
    }

    private static string? NonEmpty(Microsoft.Extensions.Primitives.StringValues values)
    {
        var value = values.Count > 0 ? values[0] : null;
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static bool TryParseJsonObjectParameter(string? text, string name, int maxJsonDepth, out JsonElement? value, out HttpRequestProblem? problem)
    {
        value = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = maxJsonDepth });
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = HttpRequestProblem.BadRequest($"The \"{name}\" parameter must be a JSON object, not {Describe(document.RootElement.ValueKind)}.");
                return false;
            }

            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
            reader.Read(); // the object's start: the text parsed above
            DecodeEveryString(reader);
            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException exception)
        {
            problem = HttpRequestProblem.BadRequest($"The \"{name}\" parameter is not valid JSON: " + TrimJsonMessage(exception));
            return false;
        }
        catch (InvalidOperationException exception)
        {
            problem = HttpRequestProblem.BadRequest($"The \"{name}\" parameter is not valid JSON: " + exception.Message);
            return false;
        }
    }

    private static bool TryReadString(ref Utf8JsonReader reader, string name, out string? value, out HttpRequestProblem? problem)
    {
        value = null;
        problem = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                value = reader.GetString();
                return true;
            default:
                problem = HttpRequestProblem.BadRequest($"The \"{name}\" parameter must be a string, not {Describe(reader.TokenType)}.");
                return false;
        }
    }

    private static bool TryReadObject(ref Utf8JsonReader reader, string name, out JsonElement? value, out HttpRequestProblem? problem)
    {
        value = null;
        problem = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.StartObject:
                DecodeEveryString(reader);
                value = JsonElement.ParseValue(ref reader);
                return true;
            default:
                problem = HttpRequestProblem.BadRequest($"The \"{name}\" parameter must be a JSON object, not {Describe(reader.TokenType)}.");
                return false;
        }
    }

    /// <summary>
    /// Decodes every string and property name of the object at <paramref name="reader"/> (a copy: the caller's reader
    /// stays where it is). Invalid UTF-8 or an escaped lone surrogate (<c>"\ud800"</c>) throws
    /// <see cref="InvalidOperationException"/> here, a 400, rather than later in a resolver that reads a variable, a 500.
    /// </summary>
    private static void DecodeEveryString(Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                _ = reader.GetString();
            }
        }
    }

    private static HttpRequestProblem TooLarge(int maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The request body is larger than the limit of {maxBytes} bytes.");

    private static string TrimJsonMessage(JsonException exception) =>
        exception.LineNumber is { } line && exception.BytePositionInLine is { } column
            ? $"{FirstSentence(exception.Message)} (line {line + 1}, byte {column + 1})."
            : FirstSentence(exception.Message) + ".";

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => kind.ToString(),
    };
}
