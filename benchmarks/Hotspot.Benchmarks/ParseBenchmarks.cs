using BenchmarkDotNet.Attributes;
using Hotspot.GraphQL.Language;

namespace Hotspot.Benchmarks;

/// <summary>Parsing the 40-field query, from a string and from UTF-8 bytes (as the HTTP layer could).</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private readonly byte[] _utf8 = System.Text.Encoding.UTF8.GetBytes(FortyFieldQuery.Query);

    [Benchmark]
    public DocumentNode ParseString() => Parser.Parse(FortyFieldQuery.Query);

    [Benchmark]
    public DocumentNode ParseUtf8() => Parser.Parse(_utf8);
}
