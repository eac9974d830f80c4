using System.Text.Json;

namespace Hotspot.GraphQL.Execution;

/// <summary>What a <see cref="ResultValue"/> holds.</summary>
public enum ResultKind : byte
{
    /// <summary>JSON null.</summary>
    Null,
    /// <summary>The position had a field error under a non-null type: its parent must become null.</summary>
    Invalid,
    Boolean,
    Int,
    Float,
    String,
    Map,
    List,
    /// <summary>A JSON value passed through unchanged (custom scalars over JSON data).</summary>
    Json,
}
