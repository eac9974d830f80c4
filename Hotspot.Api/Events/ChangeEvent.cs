using Hotspot.Storage.Changes;

namespace Hotspot.Api.Events;

/// <summary>
/// A committed change as this instance's subscribers receive it. All local subscribers of the change share one
/// instance, so the changed row is read from the database once for all of them (<see cref="ReadOnceAsync{T}"/>);
/// each subscriber still checks that its own user may read the organization before it sees the row.
/// </summary>
public sealed class ChangeEvent(ChangeNotification notification)
{
    private Task<object?>? _row;

    public string Kind => notification.Kind;
    public Guid OrganizationId => notification.OrganizationId;
    public Guid RowId => notification.RowId;

    /// <summary>
    /// The changed row, read by the first subscriber that asks and shared with the others. The read is not tied to
    /// any one subscriber's cancellation, so one client leaving does not fail the others.
    /// </summary>
    public async Task<T?> ReadOnceAsync<T>(Func<CancellationToken, Task<T?>> read) where T : class
    {
        Task<object?> row;
        lock (this) row = _row ??= ReadAsync(read);
        return (T?)await row;
    }

    private static async Task<object?> ReadAsync<T>(Func<CancellationToken, Task<T?>> read) where T : class
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await read(timeout.Token);
    }
}
