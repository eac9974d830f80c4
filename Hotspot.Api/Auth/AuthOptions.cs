namespace Hotspot.Api.Auth;

/// <summary>Settings of admin sign-in (section <c>Auth</c>; the bootstrap admin also reads environment variables).</summary>
public sealed class AuthOptions
{
    /// <summary>
    /// Base64 key (32+ bytes) that signs bearer tokens. Without one a random key is made at start-up, so tokens
    /// die with the process; set it (<c>HOTSPOT_AUTH_TOKEN_KEY</c>) when several instances serve the API.
    /// </summary>
    public string? TokenKey { get; set; }

    /// <summary>How long a token from <c>login</c> is valid.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Email of the platform admin created at start-up when absent (<c>HOTSPOT_BOOTSTRAP_ADMIN_EMAIL</c>).</summary>
    public string? BootstrapAdminEmail { get; set; }

    /// <summary>Its password (<c>HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD</c>).</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>The email of the admin created in Development when no bootstrap admin is configured.</summary>
    public const string DevelopmentAdminEmail = "admin@hotspot.local";

    public const int MinimumPasswordLength = 12;
}
