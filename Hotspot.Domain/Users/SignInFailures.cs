namespace Hotspot.Domain.Users;

/// <summary>
/// The recent failed password sign-ins of one email address, known to us or not (so a lockout says nothing about
/// whether an account exists). The email is kept only as a hash: people sometimes type a password into the email
/// field. Rows are changed by single conditional UPDATE statements, so API instances counting at once stay exact.
/// </summary>
public sealed class SignInFailures
{
    private SignInFailures() { EmailHash = ""; }

    /// <summary>Hex SHA-256 of the normalized email.</summary>
    public string EmailHash { get; private set; }

    /// <summary>Failed attempts in the window, counting attempts whose password is being checked right now.</summary>
    public int Failures { get; private set; }

    /// <summary>When the count starts again from zero (the window opens at the first failure).</summary>
    public DateTime WindowEndsAt { get; private set; }

    /// <summary>Until when password sign-in is refused without checking the password; null when not locked.</summary>
    public DateTime? LockedUntil { get; private set; }
}
