using Microsoft.Extensions.Options;

namespace Hotspot.Storage;

/// <summary>
/// The start-up's first question, whether every migration is applied (<see cref="AppliedMigrations"/>), asked once
/// per host. The API starts it on another core while it maps its routes (<see cref="Start"/>); the migrator awaits
/// that same answer, or its failure, instead of opening a second connection to ask again.
/// </summary>
public sealed class MigrationCheck(IOptions<StorageOptions> options)
{
    private readonly Lazy<Task<bool>> _allApplied = new(() => AppliedMigrations.AllAppliedAsync(options.Value, CancellationToken.None));

    /// <summary>Asks now, when the migrator will ask; the outcome waits for it.</summary>
    public void Start()
    {
        if (options.Value.ApplyMigrationsOnStartup)
            _ = _allApplied.Value.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
    }

    /// <summary>True when every known migration is in the history table; false when any is missing, or the database or table is.</summary>
    public Task<bool> AllAppliedAsync(CancellationToken cancellationToken) => _allApplied.Value.WaitAsync(cancellationToken);
}
