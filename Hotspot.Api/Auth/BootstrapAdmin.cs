using System.Security.Cryptography;
using Hotspot.Domain;
using Hotspot.Domain.Users;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Auth;

/// <summary>
/// Creates the first platform admin at start-up (after migration) from <c>HOTSPOT_BOOTSTRAP_ADMIN_EMAIL</c> and
/// <c>_PASSWORD</c> when absent. In Development without them it creates <c>admin@hotspot.local</c> with a random
/// password and logs that password once: the only password this application ever logs.
/// </summary>
public sealed class BootstrapAdmin(UserAccounts accounts, IOptions<AuthOptions> options, IHostEnvironment environment,
    ILogger<BootstrapAdmin> logger) : IHostedService
{
    // A database that is down must not stop the host (health checks report it); the admin is created next start.
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CreateAsync(cancellationToken);
        }
        catch (DomainException ex)
        {
            logger.LogError("The bootstrap admin was not created: {Reason}", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("The bootstrap admin was not created: the database failed ({Error}).", ex.GetType().Name);
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        var email = options.Value.BootstrapAdminEmail;
        var password = options.Value.BootstrapAdminPassword;
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrEmpty(password))
        {
            if (await accounts.ExistsAsync(email, cancellationToken)) return;
            await accounts.CreateAsync(email, password, UserRole.PlatformAdmin, null, cancellationToken);
            logger.LogInformation("Created the bootstrap platform admin {Email}.", User.NormalizeEmail(email));
            return;
        }
        if (!string.IsNullOrWhiteSpace(email) || !string.IsNullOrEmpty(password))
            logger.LogWarning("HOTSPOT_BOOTSTRAP_ADMIN_EMAIL and HOTSPOT_BOOTSTRAP_ADMIN_PASSWORD go together; no admin was created.");
        if (!environment.IsDevelopment() || await accounts.ExistsAsync(AuthOptions.DevelopmentAdminEmail, cancellationToken)) return;
        var oneTimePassword = RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);
        await accounts.CreateAsync(AuthOptions.DevelopmentAdminEmail, oneTimePassword, UserRole.PlatformAdmin, null, cancellationToken);
        logger.LogWarning("Development: created platform admin {Email} with one-time password {Password}. Sign in with the login mutation.",
            AuthOptions.DevelopmentAdminEmail, oneTimePassword);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
