using System.Security.Cryptography;
using System.Text;
using Hotspot.Domain.Auditing;
using Hotspot.Domain.Users;
using Hotspot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Auth;

/// <summary>
/// Locks password sign-in for an email after <see cref="SignInLimitOptions.AccountFailures"/> failures within the
/// window, whether or not a user has that email. An attempt takes a slot (one conditional UPDATE) before its
/// password is checked and gives it back only when the password was right, so attempts sent in parallel, to one
/// instance or several, cannot check more passwords than the limit allows. State is in <c>sign_in_failures</c>.
/// </summary>
public sealed class AccountSignInLimiter(
    IDbContextFactory<HotspotDbContext> databases,
    IOptions<SignInLimitOptions> options,
    TimeProvider time,
    ILogger<AccountSignInLimiter> logger)
{
    private const int MaxTries = 3;

    public static string EmailHash(string normalizedEmail) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    /// <summary>Takes a slot to check a password for the email: null when taken, else how long until one frees up.</summary>
    public async Task<TimeSpan?> TryBeginAsync(string emailHash, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var limit = Math.Max(1, settings.AccountFailures);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var windowEndsAt = now + settings.AccountWindow;
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO sign_in_failures (email_hash, failures, window_ends_at, locked_until) VALUES ({emailHash}, 0, {windowEndsAt}, NULL) ON CONFLICT (email_hash) DO NOTHING",
                cancellationToken);
            // A window or a lockout that is over starts the count again.
            await Row(db, emailHash)
                .Where(f => (f.LockedUntil == null && f.WindowEndsAt <= now) || f.LockedUntil <= now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(f => f.Failures, 0)
                    .SetProperty(f => f.WindowEndsAt, windowEndsAt)
                    .SetProperty(f => f.LockedUntil, (DateTime?)null), cancellationToken);
            var taken = await Row(db, emailHash)
                .Where(f => f.LockedUntil == null && f.Failures < limit)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.Failures, f => f.Failures + 1), cancellationToken);
            if (taken == 1)
                return null;
            var row = await Row(db, emailHash).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (row is null)
                continue; // deleted as stale by another attempt meanwhile: start again
            // No lock yet means the last slots are being checked right now; one of them will set it.
            return (row.LockedUntil ?? now + settings.AccountLockout) - now;
        }
        return settings.AccountLockout;
    }

    /// <summary>The password was right: the email's failures are forgiven.</summary>
    public async Task RecordSuccessAsync(string emailHash, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await Row(db, emailHash).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>
    /// The password was wrong: its slot stays taken. The failure that finds every slot taken locks the email, once,
    /// and writes that to the audit log (with the user's organization when a user has the email).
    /// </summary>
    public async Task RecordFailureAsync(string emailHash, User? user, string clientAddress, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var limit = Math.Max(1, settings.AccountFailures);
        var now = time.GetUtcNow().UtcDateTime;
        var lockedUntil = now + settings.AccountLockout;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var locked = await Row(db, emailHash)
            .Where(f => f.LockedUntil == null && f.Failures >= limit)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LockedUntil, lockedUntil), cancellationToken);
        // Rows whose window and lockout are both over say nothing any more; this keeps the table small.
        await db.SignInFailures
            .Where(f => f.EmailHash != emailHash && f.WindowEndsAt < now && (f.LockedUntil == null || f.LockedUntil < now))
            .ExecuteDeleteAsync(cancellationToken);
        if (locked == 0)
            return;

        var whom = user is null ? "an email that names no user" : $"user {user.Id} ({user.Email})";
        db.AuditLog.Add(new AuditEntry(user?.OrganizationId, "system", UserAuditActions.SignInLocked,
            $"Password sign-in for {whom} locked until {lockedUntil:u} after {limit} failed attempts within " +
            $"{settings.AccountWindow.TotalMinutes:0} minutes; the last from {clientAddress}.", now));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("Password sign-in locked for {Account} until {LockedUntil:u} after {Failures} failed attempts; the last from {ClientAddress}",
            user is null ? "an unknown email" : $"user {user.Id}", lockedUntil, limit, clientAddress);
    }

    private static IQueryable<SignInFailures> Row(HotspotDbContext db, string emailHash) =>
        db.SignInFailures.Where(f => f.EmailHash == emailHash);
}
