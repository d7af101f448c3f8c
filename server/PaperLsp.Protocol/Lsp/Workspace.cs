using System.Text.Json;

namespace PaperLsp.Protocol.Lsp;

public sealed record ConfigurationParams(IReadOnlyList<ConfigurationItem> Items);

public sealed record ConfigurationItem(string? ScopeUri = null, string? Section = null);

public sealed record DidChangeConfigurationParams(JsonElement Settings);

public sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

/// <summary>A dynamic registration; <see cref="RegisterOptions"/> depends on <see cref="Method"/>.</summary>
public sealed record Registration(string Id, string Method, JsonElement? RegisterOptions = null);

public sealed record DidChangeWatchedFilesRegistrationOptions(IReadOnlyList<FileSystemWatcher> Watchers);

/// <summary>A glob pattern (<c>**/*.digest</c>) and the events to report; all events when <see cref="Kind"/> is null.</summary>
public sealed record FileSystemWatcher(string GlobPattern, WatchKind? Kind = null);

[Flags]
public enum WatchKind
{
    Create = 1,
    Change = 2,
    Delete = 4,
}

public sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

public sealed record FileEvent(string Uri, FileChangeType Type);

public enum FileChangeType
{
    Created = 1,
    Changed = 2,
    Deleted = 3,
}

public sealed record ApplyWorkspaceEditParams(WorkspaceEdit Edit, string? Label = null);

public sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason = null, int? FailedChange = null);
