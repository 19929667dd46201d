using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace K8Shop.Persistence.DynamoDB.Tests;

/// <summary>Keeps every log line written through it, so tests can see what the storage logs.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<RecordedLog> _logs = new();

    public IReadOnlyCollection<RecordedLog> Logs => _logs;

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(_logs);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(ConcurrentQueue<RecordedLog> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Enqueue(new RecordedLog(logLevel, formatter(state, exception), exception));
    }
}

public sealed record RecordedLog(LogLevel Level, string Message, Exception? Exception);
