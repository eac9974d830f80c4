using Hotspot.Storage.Limits;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Auth;

/// <summary>
/// A wider bound than the per-email lockout: at most <see cref="SignInLimitOptions.AddressFailures"/> failed
/// password sign-ins from one client address within the window (opened by its first attempt), whatever emails they
/// name, so one address cannot try a few passwords on each of many accounts. Like the per-email limit, an attempt
/// counts from the moment it starts and is forgiven when it succeeds (or was refused unchecked). Counted in the
/// database (<see cref="LimiterCounts"/>), so the bound holds across API instances.
/// </summary>
public sealed class AddressSignInLimiter(LimiterCounts counts, IOptions<SignInLimitOptions> options, ILogger<AddressSignInLimiter> logger)
{
    /// <summary>Counts an attempt from the address: null when it may go ahead, else how long until it may.</summary>
    public async Task<TimeSpan?> TryBeginAsync(string clientAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var wait = await counts.TryTakeAsync(Key(clientAddress), settings.AddressFailures, settings.AddressWindow, cancellationToken);
        if (wait is not null)
            logger.LogWarning("Password sign-in from {ClientAddress} refused for a while: {Failures} failed attempts within {WindowMinutes:0} minutes",
                clientAddress, Math.Max(1, settings.AddressFailures), settings.AddressWindow.TotalMinutes);
        return wait;
    }

    /// <summary>The attempt begun from the address does not count: its password was right or was never checked.</summary>
    public Task ForgiveAsync(string clientAddress, CancellationToken cancellationToken) =>
        counts.GiveBackAsync(Key(clientAddress), options.Value.AddressFailures, cancellationToken);

    private static string Key(string clientAddress) => "sign-in-address:" + clientAddress;
}
