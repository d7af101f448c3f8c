using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using PaperLsp.Core.Configuration;
using PaperLsp.Core.Model;
using PaperLsp.Core.Workspace;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Diagnostics;
using PaperLsp.Server.Documents;
using PaperLsp.Server.Logging;
using PaperLsp.Server.Text;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server;

public enum Lifecycle
{
    Uninitialized,
    Running,
    ShutDown,
}

/// <summary>Everything a handler may use: the connection, the documents, what the client can do, logging.</summary>
public sealed class ServerSession
{
    public ServerSession(Connection connection, LspLoggerProvider logging)
    {
        Connection = connection;
        Logging = logging;
        Logger = logging.CreateLogger("PaperLsp.Server");
        Publisher = new DiagnosticsPublisher(this);
        Indexer = new WorkspaceIndexer(this);
    }

    public Connection Connection { get; }
    public LspLoggerProvider Logging { get; }
    public ILogger Logger { get; }
    public DocumentStore Documents { get; } = new();
    public DiagnosticsPublisher Publisher { get; }
    internal LargeHeapCollector Collector { get; } = new();
    public WorkspaceIndexer Indexer { get; }

    private Settings _settings = Settings.Default;

    /// <summary>The settings in force: defaults, then the editor's, then the workspace's .paperlsp.json (which wins, so the CLI agrees).</summary>
    public Settings Settings => Volatile.Read(ref _settings);

    /// <summary>The editor's <c>paperDigest</c> settings as last received.</summary>
    public System.Text.Json.JsonElement? EditorSettings { get; set; }

    /// <summary>The workspace's .paperlsp.json as last read.</summary>
    public System.Text.Json.JsonElement? ProjectSettings { get; set; }

    /// <summary>Recomputes <see cref="Settings"/> from its sources and logs what it could not use; returns the previous settings.</summary>
    public Settings ReloadSettings()
    {
        var warnings = new List<string>();
        var next = Settings.Default;
        if (EditorSettings is { } editor) next = SettingsReader.Apply(next, editor, warnings);
        if (ProjectSettings is { } project) next = SettingsReader.Apply(next, project, warnings);
        foreach (string w in warnings) Logger.LogWarning("Setting ignored: {Warning}", w);
        if (next.LogLevel is { } level && Handlers.DidChangeConfigurationHandler.ParseLevel(level) is { } parsed) Logging.MinimumLevel = parsed;
        return Interlocked.Exchange(ref _settings, next);
    }
    public ClientCapabilities Client { get; set; } = new();
    public Lifecycle State { get; set; }
    public bool Utf8Positions => Documents.Utf8Positions;
    /// <summary>What the client last pulled per document: the version (null for a closed file) and the result id.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, (int? Version, string Fingerprint)> Pulled { get; } = new(StringComparer.Ordinal);

    /// <summary>The client pulls diagnostics (textDocument/diagnostic); otherwise the server pushes them.</summary>
    public bool PullDiagnostics { get; set; }
    /// <summary>Tests only: runs after a read took its snapshot, so a test can make edits overtake it.</summary>
    internal Func<CancellationToken, Task>? BeforeRead { get; set; }

    public TaskCompletionSource<int> Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static readonly ConditionalWeakTable<DocumentSnapshot, WorkspaceSnapshot> Workspaces = new();

    /// <summary>
    /// The workspace as the analysis sees it: every open document, and every indexed digest on disk that
    /// is not open. One per document snapshot, so repeated reads of one state share its analysis.
    /// </summary>
    public static WorkspaceSnapshot Workspace(DocumentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return Workspaces.GetValue(snapshot, s => new WorkspaceSnapshot(
            s.Documents.Values.Select(d => (d.Uri, d.Parsed))
                .Concat(s.ClosedFiles().Select(f => (f.Key, f.Value))),
            s.Index));
    }

    /// <summary>
    /// The read-request pattern: take the document as it is now (in message order), continue off the
    /// message loop, compute, and answer ContentModified if an edit arrived meanwhile: checked before the
    /// work starts too, so that a burst of typing does not leave a queue of reads analysing versions that
    /// are already gone (on a 20 MB digest each can be a full parse).
    /// </summary>
    public async ValueTask<T> ReadAsync<T>(string uri, Func<OpenDocument, DigestDocument, PositionMapper, T> compute, CancellationToken token)
    {
        var doc = Documents.Current.Get(uri)
            ?? throw new ResponseErrorException(ErrorCodes.InvalidParams, $"document is not open: {uri}");
        await Task.Yield();
        if (BeforeRead is { } hook) await hook(token).ConfigureAwait(false);
        token.ThrowIfCancellationRequested();
        ThrowIfStale(doc); // already overtaken by an edit: no need to analyse a version nobody will see
        var parsed = doc.Parsed;
        token.ThrowIfCancellationRequested();
        var result = compute(doc, parsed, new PositionMapper(parsed.Text, parsed.Lines, Utf8Positions));
        ThrowIfStale(doc);
        return result;
    }

    /// <summary><see cref="ReadAsync{T}"/> for answers that depend on this document version only: computed once per version.</summary>
    public ValueTask<JsonResult?> ReadCachedAsync(string uri, string key, Func<OpenDocument, DigestDocument, PositionMapper, JsonResult?> compute, CancellationToken token) =>
        ReadAsync<JsonResult?>(uri, (doc, parsed, map) =>
        {
            if (doc.Results.TryGetValue(key, out var cached)) return cached;
            var result = compute(doc, parsed, map);
            if (result is { } r) doc.Results.TryAdd(key, r);
            return result;
        }, token);

    public void ThrowIfStale(OpenDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (!ReferenceEquals(Documents.Current.Get(doc.Uri), doc))
            throw new ResponseErrorException(ErrorCodes.ContentModified, $"{doc.Uri} changed while the request ran");
    }
}
