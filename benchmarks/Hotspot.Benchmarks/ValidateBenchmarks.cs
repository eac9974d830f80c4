using BenchmarkDotNet.Attributes;
using Hotspot.GraphQL.Errors;
using Hotspot.GraphQL.Language;
using Hotspot.GraphQL.Types;
using Hotspot.GraphQL.Validation;

namespace Hotspot.Benchmarks;

/// <summary>Validating the 40-field query with every specified rule.</summary>
[MemoryDiagnoser]
public class ValidateBenchmarks
{
    private Schema _schema = null!;
    private DocumentNode _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        _schema = SchemaBuilder.FromSdl(FortyFieldQuery.Schema);
        _document = Parser.Parse(FortyFieldQuery.Query);
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The benchmark query is invalid: " + string.Join("; ", errors));
        }
    }

    [Benchmark]
    public IReadOnlyList<GraphQLError> Validate() => DocumentValidator.Validate(_schema, _document);
}
