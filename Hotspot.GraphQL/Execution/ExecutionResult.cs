using System.Buffers;
using System.Text.Json;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;

namespace Hotspot.GraphQL.Execution;

/// <summary>
/// The response of one GraphQL request (spec section 7): <c>errors</c>, <c>data</c>, <c>extensions</c>.
/// <list type="bullet">
/// <item>A <b>request error</b> (no operation could be chosen, a variable could not be coerced, a subscription,
/// or a parse/validation error the caller wraps with <see cref="FromRequestErrors"/>) has <see cref="HasData"/>
/// false: the response has NO <c>data</c> key. GraphQL over HTTP answers it with 400 under
/// <c>application/graphql-response+json</c>.</item>
/// <item>Otherwise <see cref="HasData"/> is true; <see cref="Data"/> is null when a non-null root field failed
/// (<c>"data": null</c>), and <see cref="Errors"/> holds the field errors (with <c>path</c>).</item>
/// </list>
/// <see cref="WriteTo(Utf8JsonWriter)"/> writes the response straight from the result tree, keys in selection
/// order, errors as <c>{message, locations, path, extensions}</c>; there is no intermediate JSON DOM.
/// </summary>
public sealed class ExecutionResult
{
    private ExecutionResult(bool hasData, ResultMap? data, IReadOnlyList<GraphQLError> errors,
        OperationType? operationType)
    {
        HasData = hasData;
        Data = data;
        Errors = errors;
        OperationType = operationType;
    }

    /// <summary>False for a request error: the response carries no <c>data</c> key.</summary>
    public bool HasData { get; }

    /// <summary>The data; null when absent (see <see cref="HasData"/>) or when null propagated to the root.</summary>
    public ResultMap? Data { get; }

    /// <summary>Request errors, or field errors in the order they happened. Empty when there were none.</summary>
    public IReadOnlyList<GraphQLError> Errors { get; }

    /// <summary>The executed operation's type; null for a request error raised before one was chosen.</summary>
    public OperationType? OperationType { get; }

    /// <summary>Free-form response extensions (tracing, cost...), written last; null for none.</summary>
    public IDictionary<string, object?>? Extensions { get; set; }

    /// <summary>A request error: a response with only <c>errors</c> (parse, validation, operation choice, variables).</summary>
    public static ExecutionResult FromRequestErrors(IReadOnlyList<GraphQLError> errors, OperationType? operationType = null) =>
        new(false, null, errors, operationType);

    /// <summary>A request error with one error.</summary>
    public static ExecutionResult FromRequestError(GraphQLError error) => new(false, null, [error], null);

    internal static ExecutionResult FromData(ResultMap? data, IReadOnlyList<GraphQLError> errors, OperationType operationType) =>
        new(true, data, errors, operationType);

    /// <summary>Writes the whole response object.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Errors.Count > 0)
        {
            writer.WritePropertyName("errors");
            writer.WriteStartArray();
            foreach (var error in Errors) WriteError(writer, error);
            writer.WriteEndArray();
        }
        if (HasData)
        {
            writer.WritePropertyName("data");
            if (Data is null) writer.WriteNullValue();
            else Data.WriteTo(writer);
        }
        if (Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions");
            JsonValueWriter.Write(writer, Extensions);
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes the response as UTF-8 JSON into <paramref name="output"/>.</summary>
    public void WriteTo(IBufferWriter<byte> output)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        WriteTo(writer);
    }

    /// <summary>The response as a JSON string (tests, logs).</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        WriteTo(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes one error as the spec's <c>{message, locations, path, extensions}</c>.</summary>
    public static void WriteError(Utf8JsonWriter writer, GraphQLError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        if (error.Locations.Count > 0)
        {
            writer.WritePropertyName("locations");
            writer.WriteStartArray();
            foreach (var location in error.Locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", location.Line);
                writer.WriteNumber("column", location.Column);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        if (error.Path is not null)
        {
            writer.WritePropertyName("path");
            writer.WriteStartArray();
            foreach (var segment in error.Path)
            {
                if (segment is int index) writer.WriteNumberValue(index);
                else writer.WriteStringValue(segment.ToString());
            }
            writer.WriteEndArray();
        }
        if (error.Extensions is { Count: > 0 })
        {
            writer.WritePropertyName("extensions");
            JsonValueWriter.Write(writer, error.Extensions);
        }
        writer.WriteEndObject();
    }
}
