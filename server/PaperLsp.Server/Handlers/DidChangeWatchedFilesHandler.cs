using Microsoft.Extensions.Logging;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Handlers;

/// <summary>workspace/didChangeWatchedFiles: digests re-read (or dropped) by the index; a changed .paperlsp.json re-read.</summary>
public sealed class DidChangeWatchedFilesHandler : INotificationHandler
{
    public string Method => Methods.WorkspaceDidChangeWatchedFiles;

    public ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token)
    {
        var changes = notification.ParamsAs(LspJsonContext.Default.DidChangeWatchedFilesParams).Changes;
        string? root = session.Indexer.Roots.Count > 0 ? session.Indexer.Roots[0] : null;
        bool settings = root is not null && changes.Any(c => FileUri.ToPath(c.Uri) is { } path
            && string.Equals(path, Path.Combine(root, ProjectSettingsFile.FileName), StringComparison.Ordinal));
        if (settings)
        {
            session.ProjectSettings = ProjectSettingsFile.Read(root!, out string? error);
            if (error is not null) session.Logger.LogWarning("{Error}", error);
            DidChangeConfigurationHandler.Settled(session, session.ReloadSettings());
        }
        session.Indexer.FilesChanged(changes.Where(c => !c.Uri.EndsWith(ProjectSettingsFile.FileName, StringComparison.Ordinal)).ToList());
        return ValueTask.CompletedTask;
    }
}
