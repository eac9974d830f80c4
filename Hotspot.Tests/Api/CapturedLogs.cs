using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hotspot.Tests.Api;

/// <summary>A logger provider that keeps every entry (level, category, message, exception) for assertions.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception)
    {
        public override string ToString() =>
            $"{Level} {Category}: {Message}{(Exception is null ? "" : " [" + Exception.GetType().Name + ": " + Exception.Message + "]")}";
    }

    public IReadOnlyList<Entry> Entries => _entries.ToList();

    /// <summary>Entries at Error or above: each of them is a defect.</summary>
    public IReadOnlyList<Entry> Errors => Entries.Where(e => e.Level >= LogLevel.Error).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose() { }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
    }
}
