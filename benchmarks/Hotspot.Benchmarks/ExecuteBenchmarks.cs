using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Hotspot.GraphQL.Binding;
using Hotspot.GraphQL.Execution;
using Hotspot.GraphQL.Language;

namespace Hotspot.Benchmarks;

/// <summary>Executing the 40-field query over JSON data with default resolvers, and writing the response.</summary>
[MemoryDiagnoser]
public class ExecuteBenchmarks
{
    private ExecutableSchema _schema = null!;
    private DocumentNode _document = null!;
    private JsonElement _root;
    private JsonElement _variables;
    private ExecutionResult _result = null!;
    private readonly ArrayBufferWriter<byte> _output = new(16 * 1024);

    [GlobalSetup]
    public void Setup()
    {
        _schema = ExecutableSchemaBuilder.FromDocument(Parser.Parse(FortyFieldQuery.Schema)).Build();
        _document = Parser.Parse(FortyFieldQuery.Query);
        _root = JsonDocument.Parse(FortyFieldQuery.Data).RootElement.Clone();
        _variables = JsonDocument.Parse(FortyFieldQuery.Variables).RootElement.Clone();
        _result = Execute().AsTask().GetAwaiter().GetResult();
        if (!_result.HasData || _result.Errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark query does not execute cleanly: " + _result.ToJson());
        }
    }

    [Benchmark]
    public ValueTask<ExecutionResult> Execute() => Executor.ExecuteAsync(_schema, _document, null, _variables, _root);

    [Benchmark]
    public int WriteResponse()
    {
        _output.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_output);
        _result.WriteTo(writer);
        writer.Flush();
        return _output.WrittenCount;
    }
}
