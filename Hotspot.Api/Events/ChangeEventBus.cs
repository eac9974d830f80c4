using Hotspot.Storage.Changes;

namespace Hotspot.Api.Events;

/// <summary>
/// This instance's fan-out of committed changes to its live subscribers, by kind and organization. Changes come in
/// from the database (<see cref="PostgresChangeListener"/> or <see cref="SqliteChangeReader"/>), never from the
/// code that writes them, so every instance sees every change once, after it committed.
/// </summary>
public sealed class ChangeEventBus
{
    private readonly Dictionary<(string Kind, Guid OrganizationId), ChangeSubscription[]> _subscribers = new();

    public ChangeSubscription Subscribe(string kind, Guid organizationId)
    {
        var subscription = new ChangeSubscription(kind, organizationId, Leave);
        lock (_subscribers)
        {
            var key = (kind, organizationId);
            _subscribers[key] = [.. _subscribers.GetValueOrDefault(key) ?? [], subscription];
        }
        return subscription;
    }

    /// <summary>How many subscriptions are open (diagnostics and tests).</summary>
    public int Count
    {
        get
        {
            lock (_subscribers) return _subscribers.Values.Sum(s => s.Length);
        }
    }

    public void Publish(ChangeNotification notification)
    {
        ChangeSubscription[]? subscribers;
        lock (_subscribers) subscribers = _subscribers.GetValueOrDefault((notification.Kind, notification.OrganizationId));
        if (subscribers is null) return;
        var change = new ChangeEvent(notification);
        foreach (var subscriber in subscribers) subscriber.Offer(change);
    }

    private void Leave(ChangeSubscription subscription)
    {
        lock (_subscribers)
        {
            var key = (subscription.Kind, subscription.OrganizationId);
            var remaining = (_subscribers.GetValueOrDefault(key) ?? []).Where(s => s != subscription).ToArray();
            if (remaining.Length == 0) _subscribers.Remove(key);
            else _subscribers[key] = remaining;
        }
    }
}
