using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Tests.Support;

/// <summary>Keeps what a test host logs (at the host's configured levels), so a test can see what an operator would.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    /// <summary>Entries at Warning or above, as "Level Category: message" lines for an assertion's output.</summary>
    public IReadOnlyList<string> Loud(LogLevel from = LogLevel.Warning) =>
        Entries.Where(e => e.Level >= from).Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name}").ToList();

    public void Clear() => _entries.Clear();

    /// <summary>Adds this capture to a test host's logging.</summary>
    public void AddTo(IWebHostBuilder builder) => builder.ConfigureServices(s => s.AddLogging(l => l.AddProvider(this)));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            capture._entries.Enqueue(new Entry(category, logLevel, formatter(state, exception), exception));
    }
}
