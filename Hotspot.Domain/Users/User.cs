namespace Hotspot.Domain.Users;

/// <summary>
/// Someone who signs in to the admin dashboard. Platform admins belong to no organization; everyone else
/// belongs to exactly one. The password hash is computed outside the domain (ASP.NET Core Identity's hasher).
/// </summary>
public sealed class User
{
    private User() { Email = ""; PasswordHash = ""; }

    public Guid Id { get; private set; }

    /// <summary>Lower case; unique.</summary>
    public string Email { get; private set; }

    public string PasswordHash { get; private set; }
    public UserRole Role { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public bool IsActive { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? LastLoginAt { get; private set; }

    public static User Create(string? email, string passwordHash, UserRole role, Guid? organizationId, DateTime now)
    {
        var normalized = NormalizeEmail(email);
        if (string.IsNullOrEmpty(passwordHash))
            throw DomainException.Validation("A password hash is required.");
        if (role == UserRole.PlatformAdmin && organizationId is not null)
            throw DomainException.Validation("A platform admin belongs to no organization.");
        if (role != UserRole.PlatformAdmin && organizationId is null)
            throw DomainException.Validation("An organization user needs an organization.");
        return new User
        {
            Id = Guid.NewGuid(),
            Email = normalized,
            PasswordHash = passwordHash,
            Role = role,
            OrganizationId = organizationId,
            IsActive = true,
            CreatedAt = now,
        };
    }

    public bool CanRead(Guid organizationId) =>
        IsActive && (Role == UserRole.PlatformAdmin || OrganizationId == organizationId);

    public bool CanChange(Guid organizationId) =>
        IsActive && (Role == UserRole.PlatformAdmin || (Role == UserRole.OrganizationAdmin && OrganizationId == organizationId));

    public void ChangePasswordHash(string passwordHash)
    {
        if (string.IsNullOrEmpty(passwordHash))
            throw DomainException.Validation("A password hash is required.");
        PasswordHash = passwordHash;
    }

    public void RecordLogin(DateTime now) => LastLoginAt = now;

    public void Deactivate() => IsActive = false;

    public static string NormalizeEmail(string? email)
    {
        var trimmed = email?.Trim().ToLowerInvariant() ?? "";
        var at = trimmed.IndexOf('@');
        if (trimmed.Length > 254 || at < 1 || at != trimmed.LastIndexOf('@') || at == trimmed.Length - 1 || trimmed.Any(char.IsWhiteSpace))
            throw DomainException.Validation("A valid email address is required.");
        return trimmed;
    }
}
