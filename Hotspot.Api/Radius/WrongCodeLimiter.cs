using Hotspot.Domain.Devices;
using Hotspot.Domain.Radius;
using Hotspot.Storage.Limits;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Radius;

/// <summary>
/// Stops a device from guessing voucher codes through a router: after <see cref="RadiusOptions.WrongCodeLimit"/>
/// unknown codes from one NAS and one Calling-Station-Id (the device's MAC) within the window (opened by the first
/// of them), every login from that device is refused for the lockout, without looking the code up. Counted in the
/// database (<see cref="LimiterCounts"/>), so a device gets the limit once however many API instances answer.
/// </summary>
public sealed class WrongCodeLimiter(LimiterCounts counts, IOptions<RadiusOptions> options)
{
    /// <summary>How long the device stays locked out; null when it may log in.</summary>
    public Task<TimeSpan?> LockedForAsync(string? nas, string? callingStationId, CancellationToken cancellationToken) =>
        counts.LockedForAsync(Key(nas, callingStationId), cancellationToken);

    /// <summary>Counts an unknown code; returns true when this one locks the device out.</summary>
    public Task<bool> RecordWrongCodeAsync(string? nas, string? callingStationId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return counts.RecordFailureAsync(Key(nas, callingStationId), settings.WrongCodeLimit,
            TimeSpan.FromSeconds(Math.Max(1, settings.WrongCodeWindowSeconds)),
            TimeSpan.FromSeconds(Math.Max(1, settings.WrongCodeLockoutSeconds)), cancellationToken);
    }

    /// <summary>A code that worked forgives the device's earlier typos.</summary>
    public Task RecordAcceptedAsync(string? nas, string? callingStationId, CancellationToken cancellationToken) =>
        counts.ForgetAsync(Key(nas, callingStationId), cancellationToken);

    /// <summary>The reject message for a locked-out device, in whole minutes rounded up.</summary>
    public static string Message(TimeSpan left)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(left.TotalMinutes));
        return $"Too many wrong voucher codes from this device. Try again in {minutes} minute{(minutes == 1 ? "" : "s")}.";
    }

    private static string Key(string? nas, string? callingStationId) =>
        "radius-device:" + (nas?.Trim() ?? "") + "|" + (MacAddress.Normalize(callingStationId) ?? "");
}
