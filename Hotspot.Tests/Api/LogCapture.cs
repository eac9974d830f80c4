using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Api;

/// <summary>Keeps every log entry the API writes (level, category, message, exception) for a test to inspect.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message}{(Exception is null ? "" : " | " + Exception.GetType().Name)}";
    }

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyCollection<Entry> Entries => _entries;

    /// <summary>Entries at Error or above: each one is a defect to fix.</summary>
    public IReadOnlyList<Entry> Errors => _entries.Where(e => e.Level >= LogLevel.Error).ToList();

    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
        }
    }
}
