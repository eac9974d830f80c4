using Hotspot.Domain;
using Hotspot.Domain.Users;
using Hotspot.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hotspot.Api.Auth;

/// <summary>
/// Signing in and creating users; passwords are hashed with ASP.NET Core Identity's hasher. Failed sign-ins are
/// limited per email (<see cref="AccountSignInLimiter"/>) and per client address (<see cref="AddressSignInLimiter"/>).
/// </summary>
public sealed class UserAccounts(
    IDbContextFactory<HotspotDbContext> databases,
    BearerTokens tokens,
    AccountSignInLimiter accountLimiter,
    AddressSignInLimiter addressLimiter,
    TimeProvider time)
{
    private static readonly PasswordHasher<User> Hasher = new();

    // Verified when the email is unknown too, so response time does not tell which emails exist.
    private static readonly string UnknownUserHash = Hasher.HashPassword(null!, "unknown-user-placeholder");

    /// <summary>
    /// A token for valid credentials; null for a wrong email or password (one answer for both). Throws
    /// TOO_MANY_ATTEMPTS, without checking the password, while the email or the client address is over its limit.
    /// </summary>
    public async Task<(string Token, DateTime ExpiresAt, User User)?> LoginAsync(string? email, string? password, string clientAddress,
        CancellationToken cancellationToken)
    {
        if (await addressLimiter.TryBeginAsync(clientAddress, cancellationToken) is { } addressWait)
            throw TooManySignInAttempts.Error(addressWait);
        var failed = false;
        try
        {
            var signedIn = await CheckCredentialsAsync(email, password, clientAddress, cancellationToken);
            failed = signedIn is null;
            return signedIn;
        }
        finally
        {
            // Only a wrong password counts against the address: not a success, nor an attempt refused unchecked.
            if (!failed) await addressLimiter.ForgiveAsync(clientAddress, CancellationToken.None);
        }
    }

    private async Task<(string Token, DateTime ExpiresAt, User User)?> CheckCredentialsAsync(string? email, string? password,
        string clientAddress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password) || password.Length > 1024) return null;
        string normalized;
        try
        {
            normalized = User.NormalizeEmail(email);
        }
        catch (DomainException)
        {
            return null;
        }
        var emailHash = AccountSignInLimiter.EmailHash(normalized);
        if (await accountLimiter.TryBeginAsync(emailHash, cancellationToken) is { } accountWait)
            throw TooManySignInAttempts.Error(accountWait);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == normalized, cancellationToken);
        var result = Hasher.VerifyHashedPassword(user!, user?.PasswordHash ?? UnknownUserHash, password);
        if (user is null || !user.IsActive || result == PasswordVerificationResult.Failed)
        {
            await accountLimiter.RecordFailureAsync(emailHash, user, clientAddress, cancellationToken);
            return null;
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded) user.ChangePasswordHash(Hasher.HashPassword(user, password));
        user.RecordLogin(time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await accountLimiter.RecordSuccessAsync(emailHash, cancellationToken);
        var (token, expiresAt) = tokens.Issue(user);
        return (token, expiresAt, user);
    }

    /// <summary>Creates a user; throws VALIDATION for a weak password, a bad email or a taken email.</summary>
    public async Task<User> CreateAsync(string? email, string? password, UserRole role, Guid? organizationId, CancellationToken cancellationToken)
    {
        if (password is null || password.Length < AuthOptions.MinimumPasswordLength || password.Length > 1024)
            throw DomainException.Validation($"A password needs {AuthOptions.MinimumPasswordLength} to 1024 characters.");
        var normalized = User.NormalizeEmail(email);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (organizationId is { } orgId && !await db.Organizations.AnyAsync(o => o.Id == orgId, cancellationToken))
            throw new DomainException(AccessDenied.NotFoundCode, "Organization not found.");
        if (await db.Users.AnyAsync(u => u.Email == normalized, cancellationToken))
            throw DomainException.Validation("A user with this email already exists.");
        var user = User.Create(normalized, "pending", role, organizationId, time.GetUtcNow().UtcDateTime);
        user.ChangePasswordHash(Hasher.HashPassword(user, password));
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return user;
    }

    public async Task<bool> ExistsAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = User.NormalizeEmail(email);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(u => u.Email == normalized, cancellationToken);
    }
}
