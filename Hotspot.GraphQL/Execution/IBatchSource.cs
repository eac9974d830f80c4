namespace Hotspot.GraphQL.Execution;

/// <summary>A loader with keys waiting for a batch.</summary>
internal interface IBatchSource
{
    Task DispatchAsync(CancellationToken cancellationToken);
}
