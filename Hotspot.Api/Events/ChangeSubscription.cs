using System.Threading.Channels;

namespace Hotspot.Api.Events;

/// <summary>
/// One subscriber's queue of changes of one kind and organization. A subscriber that falls more than
/// <see cref="Capacity"/> changes behind loses the oldest (a live view, not a ledger: the dashboard can reload).
/// Disposing it leaves the bus.
/// </summary>
public sealed class ChangeSubscription : IDisposable
{
    public const int Capacity = 1_000;

    private readonly Channel<ChangeEvent> _queue = Channel.CreateBounded<ChangeEvent>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly Action<ChangeSubscription> _leave;

    internal ChangeSubscription(string kind, Guid organizationId, Action<ChangeSubscription> leave)
    {
        Kind = kind;
        OrganizationId = organizationId;
        _leave = leave;
    }

    public string Kind { get; }
    public Guid OrganizationId { get; }

    internal void Offer(ChangeEvent change) => _queue.Writer.TryWrite(change);

    public IAsyncEnumerable<ChangeEvent> ReadAllAsync(CancellationToken cancellationToken) => _queue.Reader.ReadAllAsync(cancellationToken);

    public void Dispose()
    {
        if (_queue.Writer.TryComplete()) _leave(this);
    }
}
