using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>Folding: paper bodies under their titles, section bodies, boilerplate runs, note blocks. Whole lines only.</summary>
public sealed class FoldingRangeHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentFoldingRange;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var uri = request.ParamsAs(LspJsonContext.Default.FoldingRangeParams).TextDocument.Uri;
        return await session.ReadCachedAsync(uri, "folding", (_, doc, _) =>
        {
            var ranges = Folding.Of(doc).Select(f => new FoldingRange
            {
                StartLine = doc.Lines.LineOf(f.Span.Start),
                EndLine = doc.Lines.LineOf(f.Span.End),
                Kind = f.Kind switch
                {
                    FoldKind.Section => FoldingRangeKind.Region, // "Fold All Regions" folds every section
                    FoldKind.Boilerplate => FoldingRangeKind.Imports, // editor.foldingImportsByDefault hides the page header
                    FoldKind.Notes => FoldingRangeKind.Comment,
                    _ => null,
                },
            }).ToList();
            return JsonPayload.ToResult(ranges, LspJsonContext.Default.IReadOnlyListFoldingRange);
        }, token);
    }
}
