using Microsoft.Extensions.Options;

namespace Hotspot.Api.Auth;

/// <summary>
/// A wider bound than the per-email lockout: at most <see cref="SignInLimitOptions.AddressFailures"/> failed
/// password sign-ins from one client address within the window, whatever emails they name, so one address cannot
/// try a few passwords on each of many accounts. Like the per-email limit, an attempt counts from the moment it
/// starts and is forgiven when it succeeds (or was refused unchecked). Kept in this instance's memory for at most
/// <see cref="SignInLimitOptions.TrackedAddresses"/> addresses, the idlest forgotten first.
/// </summary>
public sealed class AddressSignInLimiter(IOptions<SignInLimitOptions> options, TimeProvider time, ILogger<AddressSignInLimiter> logger)
{
    private readonly Dictionary<string, Address> _addresses = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private sealed class Address
    {
        public readonly List<DateTime> AttemptsAt = [];
        public DateTime LastSeen;
        public bool Refusing;
    }

    public int TrackedAddresses
    {
        get { lock (_gate) return _addresses.Count; }
    }

    /// <summary>Counts an attempt from the address: null when it may go ahead, else how long until it may.</summary>
    public TimeSpan? TryBegin(string clientAddress)
    {
        var settings = options.Value;
        var limit = Math.Max(1, settings.AddressFailures);
        var now = time.GetUtcNow().UtcDateTime;
        lock (_gate)
        {
            if (!_addresses.TryGetValue(clientAddress, out var address))
            {
                MakeRoom(now, settings.AddressWindow, Math.Max(1, settings.TrackedAddresses));
                address = new Address();
                _addresses[clientAddress] = address;
            }
            address.LastSeen = now;
            address.AttemptsAt.RemoveAll(at => now - at >= settings.AddressWindow);
            if (address.AttemptsAt.Count < limit)
            {
                address.Refusing = false;
                address.AttemptsAt.Add(now);
                return null;
            }
            if (!address.Refusing)
            {
                address.Refusing = true;
                logger.LogWarning("Password sign-in from {ClientAddress} refused for a while: {Failures} failed attempts within {WindowMinutes:0} minutes",
                    clientAddress, limit, settings.AddressWindow.TotalMinutes);
            }
            return address.AttemptsAt.Min() + settings.AddressWindow - now;
        }
    }

    /// <summary>The attempt begun last from the address does not count: its password was right or was never checked.</summary>
    public void Forgive(string clientAddress)
    {
        lock (_gate)
        {
            if (_addresses.TryGetValue(clientAddress, out var address) && address.AttemptsAt.Count > 0)
                address.AttemptsAt.RemoveAt(address.AttemptsAt.Count - 1);
        }
    }

    // Called with the lock held, before adding an address: forget idle addresses, then the least recently seen.
    private void MakeRoom(DateTime now, TimeSpan window, int capacity)
    {
        if (_addresses.Count < capacity)
            return;
        foreach (var (key, address) in _addresses.ToList())
            if (now - address.LastSeen >= window)
                _addresses.Remove(key);
        if (_addresses.Count < capacity)
            return;
        // Still full of recent addresses (a flood from many addresses): drop the idlest tenth, so this scan stays rare.
        var drop = Math.Max(1, _addresses.Count - capacity + capacity / 10);
        foreach (var key in _addresses.OrderBy(a => a.Value.LastSeen).Take(drop).Select(a => a.Key).ToList())
            _addresses.Remove(key);
    }
}
