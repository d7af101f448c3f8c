using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>textDocument/documentLink: every URL, pointing at its cleaned target.</summary>
public sealed class DocumentLinkHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentDocumentLink;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var uri = request.ParamsAs(LspJsonContext.Default.DocumentLinkParams).TextDocument.Uri;
        return await session.ReadCachedAsync(uri, "links", (_, doc, map) =>
        {
            var links = DocumentLinks.Of(doc).Select(l => new DocumentLink
            {
                Range = map.ToRange(l.Span),
                Target = l.Target,
                Tooltip = l.IsDamaged ? $"Open the {DocumentLinks.Describe(l.Kind)} (repaired: {l.Damage})" : $"Open the {DocumentLinks.Describe(l.Kind)}",
            }).ToList();
            return JsonPayload.ToResult<IReadOnlyList<DocumentLink>>(links, LspJsonContext.Default.IReadOnlyListDocumentLink);
        }, token);
    }
}
