using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>textDocument/references on a title: every copy of the paper in the workspace, exact and near.</summary>
public sealed class ReferencesHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentReferences;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.ReferenceParams);
        return await WorkspaceRead.ReadAsync(session, p.TextDocument.Uri, (workspace, doc, map) =>
        {
            if (PaperReferences.At(workspace, doc.Uri, map.ToOffset(p.Position), p.Context.IncludeDeclaration) is not { } found) return JsonPayload.Null;
            var locations = found.Copies.Select(c => new Location(c.DocumentId, WorkspaceRead.Mapper(session, c.Document).ToRange(c.Paper.TitleSpan))).ToList();
            return JsonPayload.ToResult<IReadOnlyList<Location>>(locations, LspJsonContext.Default.IReadOnlyListLocation);
        }, token);
    }
}
