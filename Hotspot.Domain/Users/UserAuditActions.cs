namespace Hotspot.Domain.Users;

/// <summary>The action names written to the audit log about users and sign-in.</summary>
public static class UserAuditActions
{
    public const string SignInLocked = "user.sign_in_locked";
}
