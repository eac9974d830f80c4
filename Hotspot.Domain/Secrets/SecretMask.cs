namespace Hotspot.Domain.Secrets;

/// <summary>Turns a secret into a hint an admin can recognise without learning it: <c>••••1234</c>.</summary>
public static class SecretMask
{
    public const string Bullets = "••••";

    // Below this length, showing four characters would give away too much of the secret.
    private const int MinimumLengthToShowTail = 8;

    public static string? Mask(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
            return null;
        return secret.Length < MinimumLengthToShowTail ? Bullets : Bullets + secret[^4..];
    }
}
