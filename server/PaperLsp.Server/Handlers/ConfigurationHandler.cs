using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperLsp.Core.Configuration;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>
/// workspace/didChangeConfiguration: the editor's <c>paperDigest</c> settings (docs/SETTINGS.md). A client
/// that sends no settings in the notification (the pull model) is asked with workspace/configuration.
/// Unknown or ill-typed settings are logged and ignored.
/// </summary>
public sealed class DidChangeConfigurationHandler : INotificationHandler
{
    public string Method => Methods.WorkspaceDidChangeConfiguration;

    public ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token)
    {
        var settings = notification.ParamsAs(LspJsonContext.Default.DidChangeConfigurationParams).Settings;
        if (settings.ValueKind == JsonValueKind.Object && settings.EnumerateObject().Any())
        {
            session.EditorSettings = settings.Clone();
            Settled(session, session.ReloadSettings());
        }
        else if (session.Client.Workspace?.Configuration == true)
        {
            _ = PullAsync(session, token);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Asks the client for the <c>paperDigest</c> section and applies it.</summary>
    public static async Task PullAsync(ServerSession session, CancellationToken token)
    {
        ArgumentNullException.ThrowIfNull(session);
        try
        {
            var answer = await session.Connection.SendRequestAsync(Methods.WorkspaceConfiguration,
                JsonPayload.ToElement(new ConfigurationParams([new ConfigurationItem(Section: "paperDigest")]), LspJsonContext.Default.ConfigurationParams), token).ConfigureAwait(false);
            if (answer.ValueKind == JsonValueKind.Array && answer.GetArrayLength() == 1 && answer[0].ValueKind == JsonValueKind.Object)
            {
                session.EditorSettings = answer[0].Clone();
                Settled(session, session.ReloadSettings());
            }
        }
        catch (Exception e) when (e is ResponseErrorException or IOException or OperationCanceledException)
        {
            session.Logger.LogDebug("workspace/configuration failed: {Reason}", e.Message);
        }
    }

    /// <summary>What a change of settings sets off: a new scan when it shapes the index, fresh diagnostics otherwise.</summary>
    public static void Settled(ServerSession session, Settings before)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(before);
        var now = session.Settings;
        if (now == before) return;
        if (ShapesIndex(before, now)) session.Indexer.Rescan();
        session.Publisher.Refresh();
    }

    private static bool ShapesIndex(Settings a, Settings b) =>
        a.NearThreshold != b.NearThreshold || a.MaxFileSizeMB != b.MaxFileSizeMB
        || !a.Include.SequenceEqual(b.Include) || !a.Exclude.SequenceEqual(b.Exclude);

    public static LogLevel? ParseLevel(string? value) => value?.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "off" or "none" => LogLevel.None,
        _ => null,
    };
}
