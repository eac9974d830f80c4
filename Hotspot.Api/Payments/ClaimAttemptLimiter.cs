using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Payments;

/// <summary>
/// Counts claim attempts per client address and per receipt (within one organization) in fixed windows, in memory per
/// API instance; every attempt counts, right or wrong, so the limit says nothing about whether a guess was right.
/// </summary>
public sealed class ClaimAttemptLimiter(IOptions<ClaimRateLimits> options) : IDisposable
{
    private const string AddressPrefix = "address:";

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
    {
        var limits = options.Value;
        var permits = key.StartsWith(AddressPrefix, StringComparison.Ordinal) ? limits.ClaimsPerAddressPerMinute : limits.ClaimsPerReceiptPerMinute;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = TimeSpan.FromSeconds(Math.Max(1, limits.WindowSeconds)),
            QueueLimit = 0,
        });
    });

    /// <summary>Takes one attempt for the address and one for the receipt; when either is spent, how long until it is not.</summary>
    public bool TryAcquire(string address, Guid organizationId, string receipt, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        foreach (var key in new[] { AddressPrefix + address, $"receipt:{organizationId:N}:{receipt}" })
        {
            using var lease = _limiter.AttemptAcquire(key);
            if (lease.IsAcquired)
                continue;
            retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(Math.Max(1, options.Value.WindowSeconds));
            return false;
        }
        return true;
    }

    public void Dispose() => _limiter.Dispose();
}
