using System.Text.Encodings.Web;
using System.Text.Json;
using Hotspot.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// Writes GraphQL responses straight into the response body with a reused <see cref="Utf8JsonWriter"/>: no
/// JSON DOM, no intermediate string. Non-ASCII text is written as UTF-8, not escaped (the body is JSON, not HTML).
/// </summary>
public static class GraphQLResponseWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    // One writer per thread, reset for each response; writing is synchronous so it never crosses threads.
    [ThreadStatic]
    private static Utf8JsonWriter? _cachedWriter;

    public static string ContentTypeFor(ResponseMediaType mediaType) =>
        mediaType == ResponseMediaType.GraphQLResponseJson ? GraphQLMediaTypes.GraphQLResponseJsonUtf8 : GraphQLMediaTypes.JsonUtf8;

    /// <summary>Writes an execution result (or request errors) with the given status.</summary>
    public static Task WriteResultAsync(HttpResponse response, int statusCode, ResponseMediaType mediaType, ExecutionResult result)
    {
        response.StatusCode = statusCode;
        response.ContentType = ContentTypeFor(mediaType);
        var writer = Rent(response);
        try
        {
            result.WriteTo(writer);
            writer.Flush();
        }
        finally
        {
            writer.Reset(Stream.Null);
        }

        return Task.CompletedTask;
    }

    /// <summary>Writes <c>{"errors":[{"message":...}]}</c> for a request refused at the HTTP level.</summary>
    public static Task WriteProblemAsync(HttpResponse response, ResponseMediaType mediaType, HttpRequestProblem problem)
    {
        response.StatusCode = problem.StatusCode;
        response.ContentType = ContentTypeFor(mediaType);
        var writer = Rent(response);
        try
        {
            writer.WriteStartObject();
            writer.WriteStartArray("errors");
            writer.WriteStartObject();
            writer.WriteString("message", problem.Message);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
        }
        finally
        {
            writer.Reset(Stream.Null);
        }

        return Task.CompletedTask;
    }

    private static Utf8JsonWriter Rent(HttpResponse response)
    {
        var writer = _cachedWriter;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions);
            _cachedWriter = writer;
        }
        else
        {
            writer.Reset(response.BodyWriter);
        }

        return writer;
    }
}
