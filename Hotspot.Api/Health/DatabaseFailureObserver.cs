using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotspot.Api.Health;

/// <summary>
/// Listens to EF Core's failure events (its DiagnosticListener) and, when one means the database is unreachable,
/// records it on the current request's <see cref="DatabaseUnavailableSignal"/>. The event is raised on the flow of
/// the failing call, so the request it belongs to is the current one. Only the failure events are enabled.
/// </summary>
public sealed class DatabaseFailureObserver(IHttpContextAccessor http) : IHostedService,
    IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly HashSet<string> FailureEvents =
    [
        RelationalEventId.ConnectionError.Name!,
        RelationalEventId.CommandError.Name!,
        RelationalEventId.TransactionError.Name!,
        CoreEventId.SaveChangesFailed.Name!,
        CoreEventId.QueryIterationFailed.Name!,
    ];

    private readonly List<IDisposable> _subscriptions = [];
    private IDisposable? _listeners;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _listeners = DiagnosticListener.AllListeners.Subscribe(this);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _listeners?.Dispose();
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions) subscription.Dispose();
            _subscriptions.Clear();
        }
        return Task.CompletedTask;
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name != DbLoggerCategory.Name) return;
        lock (_subscriptions)
            _subscriptions.Add(listener.Subscribe(this, name => FailureEvents.Contains(name)));
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        var exception = value.Value switch
        {
            ConnectionErrorEventData connection => connection.Exception,
            CommandErrorEventData command => command.Exception,
            TransactionErrorEventData transaction => transaction.Exception,
            DbContextErrorEventData context => context.Exception,
            _ => null,
        };
        if (exception is not null && DatabaseUnavailableErrors.IsDatabaseUnavailable(exception))
            http.HttpContext?.Features.Get<DatabaseUnavailableSignal>()?.Record(exception);
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }
}
