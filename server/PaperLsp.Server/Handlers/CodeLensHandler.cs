using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>textDocument/codeLens: "Open repository" / "Open project page" over each paper that has one, resolved at once.</summary>
public sealed class CodeLensHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentCodeLens;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var uri = request.ParamsAs(LspJsonContext.Default.CodeLensParams).TextDocument.Uri;
        return await session.ReadAsync(uri, (_, doc, map) =>
        {
            var lenses = LinkedRepo.Lenses(doc).Select(l => new CodeLens(map.ToRange(l.Span),
                new Command(l.Title, LinkedRepo.Command, [JsonSerializer.SerializeToElement(l.Target, LspJsonContext.Default.String)]))).ToList();
            return JsonPayload.ToResult<IReadOnlyList<CodeLens>>(lenses, LspJsonContext.Default.IReadOnlyListCodeLens);
        }, token);
    }
}
