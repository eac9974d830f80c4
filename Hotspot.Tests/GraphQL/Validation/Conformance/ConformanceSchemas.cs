using System.Collections.Concurrent;
using Hotspot.GraphQL.Types;

namespace Hotspot.Tests.GraphQL.Validation.Conformance;

/// <summary>Builds (once per SDL text) the schemas the conformance cases validate against.</summary>
internal static class ConformanceSchemas
{
    private static readonly ConcurrentDictionary<string, Schema> s_cache = new(StringComparer.Ordinal);

    public static Schema Get(string sdl) => s_cache.GetOrAdd(sdl, static text => SchemaBuilder.FromSdl(text));
}
