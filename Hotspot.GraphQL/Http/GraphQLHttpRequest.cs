using System.Text.Json;

namespace Hotspot.GraphQL.Http;

/// <summary>
/// The GraphQL-over-HTTP request parameters, from a JSON body or a GET query string. Absent and JSON null are
/// both null; <see cref="Variables"/> and <see cref="Extensions"/> are JSON objects when present.
/// </summary>
public sealed record GraphQLHttpRequest(
    string? Query,
    string? OperationName,
    JsonElement? Variables,
    JsonElement? Extensions);
