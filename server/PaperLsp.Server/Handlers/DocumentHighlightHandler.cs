using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>Every mention of the arXiv id, repository, link or paper under the cursor.</summary>
public sealed class DocumentHighlightHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentDocumentHighlight;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.TextDocumentPositionParams);
        return await session.ReadAsync(p.TextDocument.Uri, (_, doc, map) =>
        {
            if (HighlightRelated.At(doc, map.ToOffset(p.Position)) is not { } related) return (JsonResult?)null;
            var highlights = related.Spans.Select(s => new DocumentHighlight(map.ToRange(s), DocumentHighlightKind.Text)).ToList();
            return JsonPayload.ToResult(highlights, LspJsonContext.Default.IReadOnlyListDocumentHighlight);
        }, token);
    }
}
