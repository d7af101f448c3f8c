using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using PaperLsp.Core.Configuration;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Diagnostics;

/// <summary>
/// Pushes diagnostics for clients that do not pull them. The first change publishes at once; changes
/// that arrive within <see cref="Interval"/> of a publish are coalesced into the next one, so typing
/// never floods the client and the last state is always published.
/// </summary>
public sealed class DiagnosticsPublisher
{
    private readonly ServerSession _session;
    private readonly Channel<bool> _dirty = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, Publication> _published = new(StringComparer.Ordinal);
    private Task? _loop;

    public DiagnosticsPublisher(ServerSession session) => _session = session;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMilliseconds(50);

    public void Start(CancellationToken token) => _loop ??= Task.Run(() => LoopAsync(token), token);

    /// <summary>Something changed: publish soon. Cheap and non-blocking; called on the message loop.</summary>
    public void Schedule() => _dirty.Writer.TryWrite(true);

    private async Task LoopAsync(CancellationToken token)
    {
        try
        {
            while (await _dirty.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                _dirty.Reader.TryRead(out _);
                try
                {
                    await PublishAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _session.Logger.LogError(e, "Publishing diagnostics failed");
                }
                await Task.Delay(Interval, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Settings changed: every document's diagnostics are computed again (pull clients are asked to pull).</summary>
    public void Refresh()
    {
        Volatile.Write(ref _refresh, true);
        if (_session.PullDiagnostics && _session.Client.Workspace?.Diagnostics?.RefreshSupport == true) _ = RequestRefreshAsync();
        Schedule();
    }

    private async Task RequestRefreshAsync()
    {
        try
        {
            await _session.Connection.SendRequestAsync(Methods.WorkspaceDiagnosticRefresh, null).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Protocol.JsonRpc.ResponseErrorException or IOException)
        {
            _session.Logger.LogDebug("workspace/diagnostic/refresh: {Error}", e.Message);
        }
    }

    private bool _refresh;

    /// <summary>
    /// Publishes every open document whose diagnostics changed (with the workspace setting, every indexed
    /// file too), and clears the ones that went away. A document whose version and duplicate stamp did
    /// not move since its last publication is not even looked at.
    /// </summary>
    private async Task PublishAsync()
    {
        if (_session.PullDiagnostics)
        {
            await RefreshPulledAsync().ConfigureAwait(false);
            return;
        }
        bool refresh = Interlocked.Exchange(ref _refresh, false);
        var snapshot = _session.Documents.Current;
        var workspace = ServerSession.Workspace(snapshot);
        var settings = _session.Settings;
        var targets = snapshot.Documents.Values.Select(d => (d.Uri, (object)d.Version, (int?)d.Version));
        if (settings.WorkspaceDiagnostics == DiagnosticsScope.Workspace)
            targets = targets.Concat(snapshot.ClosedFiles().Select(f => (f.Key, (object)f.Value, (int?)null)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (uri, content, version) in targets)
        {
            seen.Add(uri);
            long stamp = workspace.DuplicateStampOf(uri);
            var known = _published.GetValueOrDefault(uri);
            if (!refresh && known is not null && Equals(known.Content, content) && known.Stamp == stamp) continue;
            var diagnostics = DiagnosticMapper.Map(workspace, uri, _session.Utf8Positions, settings);
            string fingerprint = DiagnosticMapper.Fingerprint(diagnostics);
            bool unchanged = known is not null && known.Version == version && known.Fingerprint == fingerprint;
            bool silent = known is null && version is null && diagnostics.Count == 0; // a clean closed file: nothing to say
            _published[uri] = new Publication(content, stamp, version, fingerprint);
            if (unchanged || silent) continue;
            await Send(new PublishDiagnosticsParams(uri, diagnostics, version)).ConfigureAwait(false);
        }
        foreach (var gone in _published.Keys.Where(uri => !seen.Contains(uri)).ToList())
        {
            var last = _published[gone];
            _published.Remove(gone);
            if (last.Fingerprint != EmptyFingerprint) await Send(new PublishDiagnosticsParams(gone, [])).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// For clients that pull: a document the client pulled at its current version whose diagnostics
    /// changed since (a copy of one of its papers came or went elsewhere) makes the server ask for a
    /// new pull with workspace/diagnostic/refresh. Edited documents are pulled by the client anyway.
    /// </summary>
    private async Task RefreshPulledAsync()
    {
        if (_session.Client.Workspace?.Diagnostics?.RefreshSupport != true) return;
        var snapshot = _session.Documents.Current;
        var workspace = ServerSession.Workspace(snapshot);
        bool stale = false;
        foreach (var (uri, pulled) in _session.Pulled)
        {
            int? version = snapshot.Get(uri)?.Version;
            if (version != pulled.Version || workspace.Get(uri) is null) continue;
            long stamp = workspace.DuplicateStampOf(uri);
            if (_published.GetValueOrDefault(uri) is { } known && known.Stamp == stamp && Equals(known.Version, version)) continue;
            string fingerprint = DiagnosticMapper.Fingerprint(DiagnosticMapper.Map(workspace, uri, _session.Utf8Positions, _session.Settings));
            _published[uri] = new Publication(version ?? (object)uri, stamp, version, fingerprint);
            stale |= fingerprint != pulled.Fingerprint;
        }
        if (stale) await RequestRefreshAsync().ConfigureAwait(false);
    }

    private static readonly string EmptyFingerprint = DiagnosticMapper.Fingerprint([]);

    /// <summary>What was last published for a document: for which content (version or file) and duplicate stamp.</summary>
    private sealed record Publication(object Content, long Stamp, int? Version, string Fingerprint);

    private Task Send(PublishDiagnosticsParams p) =>
        _session.Connection.SendNotificationAsync(Methods.TextDocumentPublishDiagnostics,
            Protocol.JsonRpc.JsonPayload.ToElement(p, LspJsonContext.Default.PublishDiagnosticsParams));

}
