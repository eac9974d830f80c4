using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Api.Fuzz;

/// <summary>One line the API logged.</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Exception)
{
    public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : $" ({Exception.GetType().Name}: {Exception.Message})")}";
}

/// <summary>
/// Keeps what the API logs, at the levels its default logging configuration writes (Information; Warning for
/// <c>Microsoft.*</c>, the framework and EF Core), to check how bad input is logged.
/// </summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyCollection<LogEntry> Entries => _entries;

    /// <summary>
    /// Lines at Error or above: a defect, by the project's rule. EF Core's own lines are left out: a re-delivered
    /// callback is refused by a unique index and the app handles that, but EF logs it at Error first; a database
    /// failure the app does not handle shows as a 500.
    /// </summary>
    public IReadOnlyList<LogEntry> Errors =>
        _entries.Where(e => e.Level >= LogLevel.Error && !e.Category.StartsWith("Microsoft.EntityFrameworkCore.", StringComparison.Ordinal)).ToList();

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Recorder(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= (category.StartsWith("Microsoft.", StringComparison.Ordinal) ? LogLevel.Warning : LogLevel.Information);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
        }
    }
}
