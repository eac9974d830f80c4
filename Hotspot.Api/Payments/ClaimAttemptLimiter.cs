using Hotspot.Storage.Limits;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Payments;

/// <summary>
/// Counts claim attempts per client address and per receipt (within one organization) in fixed windows, in the
/// database (<see cref="LimiterCounts"/>) so the limits hold across API instances; every attempt counts, right or
/// wrong, so the limit says nothing about whether a guess was right.
/// </summary>
public sealed class ClaimAttemptLimiter(LimiterCounts counts, IOptions<ClaimRateLimits> options)
{
    /// <summary>Takes one attempt for the address and one for the receipt: null when both are free, else how long until they are.</summary>
    public async Task<TimeSpan?> TryAcquireAsync(string address, Guid organizationId, string receipt, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds));
        return await counts.TryTakeAsync("claim-address:" + address, limits.ClaimsPerAddressPerMinute, window, cancellationToken)
               ?? await counts.TryTakeAsync($"claim-receipt:{organizationId:N}:{receipt}", limits.ClaimsPerReceiptPerMinute, window, cancellationToken);
    }
}
