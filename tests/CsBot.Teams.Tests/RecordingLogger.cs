using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CsBot.Teams.Tests;

/// <summary>Keeps every log line the host writes (level, category, text, exception), so a test can assert what an admin would read.</summary>
public sealed class RecordingLogger : ILoggerProvider
{
    private readonly ConcurrentQueue<Line> _lines = new();

    public IReadOnlyList<Line> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Category(this, categoryName);

    public void Dispose()
    {
    }

    public sealed record Line(LogLevel Level, string Category, string Text, Exception? Exception);

    private sealed class Category(RecordingLogger owner, string name) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._lines.Enqueue(new Line(logLevel, name, formatter(state, exception), exception));
    }
}
