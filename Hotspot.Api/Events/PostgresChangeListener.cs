using Hotspot.Storage;
using Hotspot.Storage.Changes;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hotspot.Api.Events;

/// <summary>
/// Holds one connection per instance that LISTENs on <see cref="ChangeNotification.Channel"/> and hands each
/// notification to the <see cref="ChangeEventBus"/>. PostgreSQL delivers a NOTIFY only once its transaction
/// commits. When the connection is lost it logs one Warning and reconnects with a growing delay (1 s to 30 s);
/// changes committed while it is away are not replayed (subscribers see later ones).
/// </summary>
public sealed class PostgresChangeListener(IOptions<StorageOptions> storage, ChangeEventBus bus, ILogger<PostgresChangeListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it).</summary>
    public Task Listening => _listening.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield(); // the host starts the next service and listens meanwhile
        var connectionString = new NpgsqlConnectionStringBuilder(storage.Value.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 30,
            ApplicationName = "hotspot-change-listener",
        }.ConnectionString;
        var retry = FirstRetry;
        var lost = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Deliver(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeNotification.Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                if (lost) logger.LogInformation("Listening for database changes again");
                lost = false;
                retry = FirstRetry;
                _listening.TrySetResult();
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning("Lost the database change notifications ({Reason}); live subscriptions miss changes until it is back. Retrying in {Seconds} s",
                    e.Message, retry.TotalSeconds);
                lost = true;
            }
            try
            {
                await Task.Delay(retry, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private void Deliver(string payload)
    {
        if (ChangeNotification.Parse(payload) is { } change) bus.Publish(change);
        else logger.LogWarning("Ignored a malformed change notification");
    }
}
