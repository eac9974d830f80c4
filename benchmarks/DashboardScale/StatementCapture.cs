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

    private int _compilations;

    public volatile bool Recording;

    /// <summary>LINQ queries EF Core compiled (missed its query cache for) while recording.</summary>
    public int Compilations => _compilations;

    public IReadOnlyList<CapturedStatement> Take()
    {
        var taken = new List<CapturedStatement>();
        while (_statements.TryDequeue(out var statement)) taken.Add(statement);
        return taken;
    }

    public void OnNext(DiagnosticListener listener)
    {
        // Only the two events read here: a subscriber that takes every event makes EF Core build each event's data
        // throughout the load run, a cost the API does not have in production. (Not "only while recording": a pooled
        // context keeps EF Core's answer to "is anyone listening?" from its earlier uses.)
        if (listener.Name == DbLoggerCategory.Name)
            _subscriptions.Add(listener.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name || name == CoreEventId.QueryCompilationStarting.Name));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!Recording) return;
        if (value.Key == CoreEventId.QueryCompilationStarting.Name) Interlocked.Increment(ref _compilations);
        if (value.Key != RelationalEventId.CommandExecuted.Name || value.Value is not CommandExecutedEventData executed) return;
        var parameters = executed.Command.Parameters.Cast<NpgsqlParameter>()
            .Select(p => new NpgsqlParameter(p.ParameterName, p.Value) { NpgsqlDbType = p.NpgsqlDbType })
            .ToList();
        _statements.Enqueue(new CapturedStatement(executed.Command.CommandText, parameters, executed.Duration));
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }
}

internal sealed record CapturedStatement(string Sql, IReadOnlyList<NpgsqlParameter> Parameters, TimeSpan Duration);
