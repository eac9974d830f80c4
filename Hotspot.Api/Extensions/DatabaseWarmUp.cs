using Hotspot.Storage;
using Microsoft.Extensions.Options;

namespace Hotspot.Api.Extensions;

/// <summary>
/// Asks the database the migrator's first question (<see cref="AppliedMigrations"/>) on another core while the main
/// thread still maps the routes: the connection it opens goes back to the pool, and Npgsql's code for opening and
/// reading is compiled by then, so the migrator's own check, which holds up listening, is quick. The answer is
/// dropped and a failure ignored: the migrator asks again and handles what it meets, as before.
/// </summary>
public static class DatabaseWarmUp
{
    public static async Task RunAsync(IServiceProvider services)
    {
        try
        {
            var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (options.ApplyMigrationsOnStartup)
                await AppliedMigrations.AllAppliedAsync(options, CancellationToken.None);
        }
        catch (Exception)
        {
            // The migrator meets the same failure and reports it.
        }
    }
}
