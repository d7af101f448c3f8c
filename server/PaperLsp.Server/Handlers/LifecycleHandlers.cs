using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

public sealed class InitializedHandler : INotificationHandler
{
    public string Method => Methods.Initialized;

    public ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token)
    {
        session.Logger.LogInformation("paperlsp ready ({Encoding} positions, {Mode} diagnostics)",
            session.Utf8Positions ? "UTF-8" : "UTF-16", session.PullDiagnostics ? "pulled" : "pushed");
        return ValueTask.CompletedTask;
    }
}

public sealed class ShutdownHandler : IRequestHandler
{
    public string Method => Methods.Shutdown;

    public ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        session.State = Lifecycle.ShutDown;
        return ValueTask.FromResult<JsonResult?>(null);
    }
}

/// <summary>Exit code 0 after shutdown, 1 otherwise (the spec's rule).</summary>
public sealed class ExitHandler : INotificationHandler
{
    public string Method => Methods.Exit;

    public ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token)
    {
        session.Exited.TrySetResult(session.State == Lifecycle.ShutDown ? 0 : 1);
        return ValueTask.CompletedTask;
    }
}

public sealed class SetTraceHandler : INotificationHandler
{
    public string Method => Methods.SetTrace;

    public ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token)
    {
        Apply(session, notification.ParamsAs(LspJsonContext.Default.SetTraceParams).Value);
        return ValueTask.CompletedTask;
    }

    public static void Apply(ServerSession session, string trace) =>
        session.Logging.MinimumLevel = trace switch
        {
            TraceValue.Verbose => LogLevel.Trace,
            TraceValue.Messages => LogLevel.Debug,
            _ => LogLevel.Information,
        };
}
