using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hotspot.GraphQL.Execution;
using Microsoft.AspNetCore.Http;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// Writes GraphQL responses with a reused <see cref="Utf8JsonWriter"/> straight from the result tree: no JSON
/// DOM, no intermediate string. The bytes go to a reused per-thread buffer first so that the response carries a
/// Content-Length (cheaper than chunked framing for the small bodies GraphQL mostly sends), then into the body
/// pipe in one copy. Non-ASCII text is written as UTF-8, not escaped (the body is JSON, not HTML).
/// </summary>
public static class GraphQLResponseWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    // Buffers above this size are not kept for the next response on the thread.
    private const int MaxRetainedBufferBytes = 256 * 1024;

    // One writer and buffer per thread, reset for each response; writing is synchronous so it never crosses threads.
    [ThreadStatic]
    private static Utf8JsonWriter? _cachedWriter;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _cachedBuffer;

    public static string ContentTypeFor(ResponseMediaType mediaType) =>
        mediaType == ResponseMediaType.GraphQLResponseJson ? GraphQLMediaTypes.GraphQLResponseJsonUtf8 : GraphQLMediaTypes.JsonUtf8;

    /// <summary>Writes an execution result (or request errors) with the given status.</summary>
    public static Task WriteResultAsync(HttpResponse response, int statusCode, ResponseMediaType mediaType, ExecutionResult result)
    {
        response.StatusCode = statusCode;
        response.ContentType = ContentTypeFor(mediaType);
        var (writer, buffer) = Rent();
        try
        {
            result.WriteTo(writer);
            writer.Flush();
            Send(response, buffer);
        }
        finally
        {
            Return(writer, buffer);
        }

        return Task.CompletedTask;
    }

    /// <summary>Writes <c>{"errors":[{"message":...}]}</c> for a request refused at the HTTP level.</summary>
    public static Task WriteProblemAsync(HttpResponse response, ResponseMediaType mediaType, HttpRequestProblem problem)
    {
        response.StatusCode = problem.StatusCode;
        response.ContentType = ContentTypeFor(mediaType);
        var (writer, buffer) = Rent();
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
            Send(response, buffer);
        }
        finally
        {
            Return(writer, buffer);
        }

        return Task.CompletedTask;
    }

    private static (Utf8JsonWriter Writer, ArrayBufferWriter<byte> Buffer) Rent()
    {
        var buffer = _cachedBuffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        var writer = _cachedWriter;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(buffer, WriterOptions);
            _cachedWriter = writer;
        }
        else
        {
            writer.Reset(buffer);
        }

        return (writer, buffer);
    }

    private static void Send(HttpResponse response, ArrayBufferWriter<byte> buffer)
    {
        response.ContentLength = buffer.WrittenCount;
        // Copies segment by segment, so a large response does not ask the pipe for one huge block.
        response.BodyWriter.Write(buffer.WrittenSpan);
    }

    private static void Return(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer)
    {
        writer.Reset(Stream.Null);
        if (buffer.Capacity > MaxRetainedBufferBytes)
        {
            _cachedBuffer = null;
        }
        else
        {
            buffer.ResetWrittenCount();
        }
    }
}
