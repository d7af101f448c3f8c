using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

public sealed class InitializedHandler : INotificationHandler
{
    public string Method => Methods.Initialized;

    // Digests, settings, and the .txt/.md files that may read as digests; the index decides what it keeps.
    private static readonly string[] WatchedGlobs = ["**/*.{digest,papers,txt,md}", "**/" + Workspace.ProjectSettingsFile.FileName];

    public ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token)
    {
        session.Logger.LogInformation("paperlsp ready ({Encoding} positions, {Mode} diagnostics, {Roots} workspace folders)",
            session.Utf8Positions ? "UTF-8" : "UTF-16", session.PullDiagnostics ? "pulled" : "pushed", session.Indexer.Roots.Count);
        _ = StartAsync(session, token);
        return ValueTask.CompletedTask;
    }

    /// <summary>Off the message loop: the editor's settings first (they may shape the index), then the scan.</summary>
    private static async Task StartAsync(ServerSession session, CancellationToken token)
    {
        if (session.Client.Workspace?.Configuration == true) await DidChangeConfigurationHandler.PullAsync(session, token).ConfigureAwait(false);
        session.Indexer.Rescan();
        if (session.Client.Workspace?.DidChangeWatchedFiles?.DynamicRegistration != true || session.Indexer.Roots.Count == 0) return;
        var options = JsonPayload.ToElement(new DidChangeWatchedFilesRegistrationOptions(WatchedGlobs.Select(g => new Protocol.Lsp.FileSystemWatcher(g)).ToList()),
            LspJsonContext.Default.DidChangeWatchedFilesRegistrationOptions);
        var registration = new RegistrationParams([new Registration("paperlsp-watched-files", Methods.WorkspaceDidChangeWatchedFiles, options)]);
        try
        {
            await session.Connection.SendRequestAsync(Methods.ClientRegisterCapability,
                JsonPayload.ToElement(registration, LspJsonContext.Default.RegistrationParams), token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ResponseErrorException or IOException or OperationCanceledException)
        {
            session.Logger.LogWarning("Could not watch the workspace's files ({Reason}); edits made outside the editor will not be seen", e.Message);
        }
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
