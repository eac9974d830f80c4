namespace Hotspot.Api.GraphQL;

/// <summary>A Relay connection page: edges with cursors, the nodes alone, page info and the total count.</summary>
public sealed record Connection<T>(PageInfo PageInfo, IReadOnlyList<Edge<T>> Edges, IReadOnlyList<T> Nodes, int TotalCount);

public sealed record Edge<T>(string Cursor, T Node);

public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
