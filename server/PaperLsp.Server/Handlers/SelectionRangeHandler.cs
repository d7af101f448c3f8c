using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>Smart selection: word → sentence → title or abstract → paper → sections → document, per position.</summary>
public sealed class SelectionRangeHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentSelectionRange;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.SelectionRangeParams);
        return await session.ReadAsync(p.TextDocument.Uri, (_, doc, map) =>
        {
            var ranges = p.Positions.Select(position =>
            {
                // Built from the outside in: each range's parent is the one that contains it.
                SelectionRange? range = null;
                foreach (var span in SelectionRanges.At(doc, map.ToOffset(position)).Reverse()) range = new SelectionRange(map.ToRange(span), range);
                return range!;
            }).ToList();
            return JsonPayload.ToResult(ranges, LspJsonContext.Default.IReadOnlyListSelectionRange);
        }, token);
    }
}
