using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>textDocument/inlayHint: each paper's reading status after its title.</summary>
public sealed class InlayHintHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentInlayHint;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.InlayHintParams);
        return await session.ReadAsync(p.TextDocument.Uri, (_, doc, map) =>
        {
            var range = map.ToSpan(p.Range);
            var hints = StatusHints.In(doc, range).Select(h => new InlayHint { Position = map.ToPosition(h.Offset), Label = h.Label, Tooltip = h.Tooltip, PaddingLeft = true }).ToList();
            return JsonPayload.ToResult<IReadOnlyList<InlayHint>>(hints, LspJsonContext.Default.IReadOnlyListInlayHint);
        }, token);
    }
}
