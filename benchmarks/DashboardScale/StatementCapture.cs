using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DashboardScale;

/// <summary>
/// Records the SQL EF Core runs, with its parameter values, while <see cref="Recording"/> is on: EF Core reports every
/// executed command on the "Microsoft.EntityFrameworkCore" diagnostic listener, in this process.
/// </summary>
internal sealed class StatementCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private readonly ConcurrentQueue<CapturedStatement> _statements = new();
    private readonly List<IDisposable> _subscriptions = [];

    public StatementCapture() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public volatile bool Recording;

    public IReadOnlyList<CapturedStatement> Take()
    {
        var taken = new List<CapturedStatement>();
        while (_statements.TryDequeue(out var statement)) taken.Add(statement);
        return taken;
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name) _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!Recording || value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData executed) return;
        var parameters = executed.Command.Parameters.Cast<NpgsqlParameter>()
            .Select(p => new NpgsqlParameter(p.ParameterName, p.Value) { NpgsqlDbType = p.NpgsqlDbType })
            .ToList();
        _statements.Enqueue(new CapturedStatement(executed.Command.CommandText, parameters, executed.Duration));
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }
}

internal sealed record CapturedStatement(string Sql, IReadOnlyList<NpgsqlParameter> Parameters, TimeSpan Duration);
