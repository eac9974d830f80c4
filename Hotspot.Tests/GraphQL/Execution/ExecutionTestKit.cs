using System.Text.Json;
using System.Text.Json.Nodes;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;

namespace Hotspot.Tests.GraphQL.Execution;

/// <summary>Runs a query against a schema and compares the response JSON (key order included) with an expectation.</summary>
internal static class ExecutionTestKit
{
    public static ExecutableSchema Schema(string sdl, Action<ExecutableSchemaBuilder>? bind = null)
    {
        var builder = ExecutableSchemaBuilder.FromSdl(sdl).ExposeExceptionMessages();
        bind?.Invoke(builder);
        return builder.Build();
    }

    public static ExecutionResult Execute(ExecutableSchema schema, string query, string? variablesJson = null,
        object? rootValue = null, string? operationName = null, CancellationToken cancellationToken = default)
    {
        JsonElement? variables = variablesJson is null ? null : JsonDocument.Parse(variablesJson).RootElement;
        return Executor.ExecuteAsync(schema, Parser.Parse(query), operationName, variables, rootValue, null, cancellationToken)
            .AsTask().GetAwaiter().GetResult();
    }

    public static Task<ExecutionResult> ExecuteAsync(ExecutableSchema schema, string query, string? variablesJson = null,
        object? rootValue = null, CancellationToken cancellationToken = default)
    {
        JsonElement? variables = variablesJson is null ? null : JsonDocument.Parse(variablesJson).RootElement;
        return Executor.ExecuteAsync(schema, Parser.Parse(query), null, variables, rootValue, null, cancellationToken).AsTask();
    }

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Asserts the response equals <paramref name="expectedJson"/>, keys in the same order.</summary>
    public static void AssertJson(ExecutionResult result, string expectedJson)
    {
        var expected = JsonNode.Parse(expectedJson)!.ToJsonString();
        var actual = JsonNode.Parse(result.ToJson())!.ToJsonString();
        Assert.That(actual, Is.EqualTo(expected));
    }
}
