using System.Threading.Channels;
using Microsoft.Extensions.Logging;
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
    private readonly Dictionary<string, (int? Version, string Fingerprint)> _published = new(StringComparer.Ordinal);
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

    /// <summary>Publishes every open document whose diagnostics changed, and clears closed ones.</summary>
    private async Task PublishAsync()
    {
        if (_session.PullDiagnostics) return;
        var snapshot = _session.Documents.Current;
        var workspace = ServerSession.Workspace(snapshot);
        foreach (var doc in snapshot.Documents.Values)
        {
            var diagnostics = DiagnosticMapper.Map(workspace, doc.Uri, _session.Utf8Positions);
            string fingerprint = DiagnosticMapper.Fingerprint(diagnostics);
            if (_published.TryGetValue(doc.Uri, out var last) && last.Version == doc.Version && last.Fingerprint == fingerprint) continue;
            _published[doc.Uri] = (doc.Version, fingerprint);
            await Send(new PublishDiagnosticsParams(doc.Uri, diagnostics, doc.Version)).ConfigureAwait(false);
        }
        foreach (var closed in _published.Keys.Where(uri => snapshot.Get(uri) is null).ToList())
        {
            _published.Remove(closed);
            await Send(new PublishDiagnosticsParams(closed, [])).ConfigureAwait(false);
        }
    }

    private Task Send(PublishDiagnosticsParams p) =>
        _session.Connection.SendNotificationAsync(Methods.TextDocumentPublishDiagnostics,
            Protocol.JsonRpc.JsonPayload.ToElement(p, LspJsonContext.Default.PublishDiagnosticsParams));

}
