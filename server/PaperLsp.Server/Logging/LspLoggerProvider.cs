using Microsoft.Extensions.Logging;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Logging;

/// <summary>
/// Logs to <c>window/logMessage</c> once the client is connected, and to stderr before that (or always,
/// with <c>PAPERLSP_LOG_STDERR=1</c>): editors show a server's stderr in the same log, so writing both
/// would print every line twice. The level is mutable: settings and <c>$/setTrace</c> change it while the server runs.
/// </summary>
public sealed class LspLoggerProvider(TextWriter stderr) : ILoggerProvider
{
    private readonly TextWriter _stderr = stderr;
    private Func<LogMessageParams, Task>? _send;

    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    /// <summary>Write to stderr even while window/logMessage carries the log.</summary>
    public bool AlwaysStderr { get; set; } = Environment.GetEnvironmentVariable("PAPERLSP_LOG_STDERR") == "1";

    /// <summary>Where window/logMessage goes; null until the connection exists.</summary>
    public void Attach(Func<LogMessageParams, Task>? send) => _send = send;

    public ILogger CreateLogger(string categoryName) => new LspLogger(this, categoryName);

    public void Dispose() => _send = null;

    private sealed class LspLogger(LspLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= owner.MinimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            string text = formatter(state, exception) + (exception is null ? "" : Environment.NewLine + exception);
            string shortCategory = category[(category.LastIndexOf('.') + 1)..];
            var send = owner._send;
            if (send is null || owner.AlwaysStderr)
            {
                lock (owner)
                {
                    owner._stderr.WriteLine($"[{logLevel}] {shortCategory}: {text}");
                    owner._stderr.Flush();
                }
            }
            if (send is null) return;
            var type = logLevel switch
            {
                >= LogLevel.Error => MessageType.Error,
                LogLevel.Warning => MessageType.Warning,
                LogLevel.Information => MessageType.Info,
                _ => MessageType.Log,
            };
            _ = send(new LogMessageParams(type, $"{shortCategory}: {text}")).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }
    }
}
