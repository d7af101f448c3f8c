using PaperLsp.Core.Model;
using PaperLsp.Core.Workspace;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Server.Documents;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Handlers;

/// <summary>
/// <see cref="ServerSession.ReadAsync{T}"/> for features that look across documents: the document
/// and the workspace of the same snapshot, ContentModified when the document changed meanwhile.
/// </summary>
internal static class WorkspaceRead
{
    public static async ValueTask<T> ReadAsync<T>(ServerSession session, string uri,
        Func<WorkspaceSnapshot, OpenDocument, PositionMapper, T> compute, CancellationToken token)
    {
        var snapshot = session.Documents.Current;
        var doc = snapshot.Get(uri) ?? throw new ResponseErrorException(ErrorCodes.InvalidParams, $"document is not open: {uri}");
        await Task.Yield();
        if (session.BeforeRead is { } hook) await hook(token).ConfigureAwait(false);
        token.ThrowIfCancellationRequested();
        session.ThrowIfStale(doc);
        var workspace = ServerSession.Workspace(snapshot);
        token.ThrowIfCancellationRequested();
        var result = compute(workspace, doc, Mapper(session, doc.Parsed));
        session.ThrowIfStale(doc);
        return result;
    }

    /// <summary>Positions in any document of the workspace, in the negotiated encoding.</summary>
    public static PositionMapper Mapper(ServerSession session, DigestDocument doc) => new(doc.Text, doc.Lines, session.Utf8Positions);
}
