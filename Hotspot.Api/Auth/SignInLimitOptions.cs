namespace Hotspot.Api.Auth;

/// <summary>
/// Limits on failed password sign-ins (section <c>Auth:SignInLimits</c>). Per email address, known or not, both in the
/// database so every API instance counts together.
/// </summary>
public sealed class SignInLimitOptions
{
    public const string SectionName = "Auth:SignInLimits";

    /// <summary>Failed attempts for one email within <see cref="AccountWindow"/> that lock its password sign-in.</summary>
    public int AccountFailures { get; set; } = 5;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a locked email's password sign-in is refused (the right password too).</summary>
    public TimeSpan AccountLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed attempts from one client address, for any emails, within <see cref="AddressWindow"/>.</summary>
    public int AddressFailures { get; set; } = 50;

    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(15);
}
