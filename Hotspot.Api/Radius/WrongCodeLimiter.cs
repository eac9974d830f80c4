using Hotspot.Domain.Devices;
using Hotspot.Domain.Radius;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Radius;

/// <summary>
/// Stops a device from guessing voucher codes through a router: after <see cref="RadiusOptions.WrongCodeLimit"/>
/// unknown codes from one NAS and one Calling-Station-Id (the device's MAC) within the window, every login from
/// that device is refused for the lockout, without looking the code up. Kept in memory, at most
/// <see cref="RadiusOptions.WrongCodeTrackedDevices"/> devices (the idlest are forgotten first); each API instance
/// counts on its own.
/// </summary>
public sealed class WrongCodeLimiter(IOptions<RadiusOptions> options, TimeProvider clock)
{
    private readonly Dictionary<string, Device> _devices = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    private sealed class Device
    {
        public readonly Queue<DateTime> WrongAt = new();
        public DateTime? LockedUntil;
        public DateTime LastSeen;
    }

    public int TrackedDevices
    {
        get { lock (_gate) return _devices.Count; }
    }

    /// <summary>How long the device stays locked out; null when it may log in.</summary>
    public TimeSpan? LockedFor(string? nas, string? callingStationId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (!_devices.TryGetValue(Key(nas, callingStationId), out var device) || device.LockedUntil is not { } until || until <= now)
                return null;
            return until - now;
        }
    }

    /// <summary>Counts an unknown code; returns true when this one locks the device out.</summary>
    public bool RecordWrongCode(string? nas, string? callingStationId)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var window = TimeSpan.FromSeconds(Math.Max(1, settings.WrongCodeWindowSeconds));
        var limit = Math.Max(1, settings.WrongCodeLimit);
        var key = Key(nas, callingStationId);
        lock (_gate)
        {
            if (!_devices.TryGetValue(key, out var device))
            {
                MakeRoom(now, window, Math.Max(1, settings.WrongCodeTrackedDevices));
                device = new Device();
                _devices[key] = device;
            }
            device.LastSeen = now;
            if (device.LockedUntil is { } until && until > now)
                return false;
            device.LockedUntil = null;
            while (device.WrongAt.Count > 0 && now - device.WrongAt.Peek() >= window)
                device.WrongAt.Dequeue();
            device.WrongAt.Enqueue(now);
            if (device.WrongAt.Count < limit)
                return false;
            device.WrongAt.Clear();
            device.LockedUntil = now + TimeSpan.FromSeconds(Math.Max(1, settings.WrongCodeLockoutSeconds));
            return true;
        }
    }

    /// <summary>A code that worked forgives the device's earlier typos.</summary>
    public void RecordAccepted(string? nas, string? callingStationId)
    {
        lock (_gate)
            _devices.Remove(Key(nas, callingStationId));
    }

    /// <summary>The reject message for a locked-out device, in whole minutes rounded up.</summary>
    public static string Message(TimeSpan left)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(left.TotalMinutes));
        return $"Too many wrong voucher codes from this device. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
    }

    private static string Key(string? nas, string? callingStationId) =>
        (nas?.Trim() ?? "") + "|" + (MacAddress.Normalize(callingStationId) ?? "");

    // Called with the lock held, before adding a device: forget idle devices, then the least recently seen.
    private void MakeRoom(DateTime now, TimeSpan window, int capacity)
    {
        if (_devices.Count < capacity)
            return;
        foreach (var (key, device) in _devices.ToList())
            if ((device.LockedUntil is null || device.LockedUntil <= now) && now - device.LastSeen >= window)
                _devices.Remove(key);
        if (_devices.Count < capacity)
            return;
        // Still full of recent devices (a flood): drop the idlest tenth at once, so this scan stays rare.
        var drop = Math.Max(1, _devices.Count - capacity + capacity / 10);
        foreach (var key in _devices.OrderBy(d => d.Value.LastSeen).Take(drop).Select(d => d.Key).ToList())
            _devices.Remove(key);
    }
}
