using System.Globalization;
using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>
/// textDocument/codeLens, resolved at once: "Open repository" / "Open project page" over each paper that
/// has one, and "N other copies" over each paper that appears elsewhere too (exact or near copies).
/// </summary>
public sealed class CodeLensHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentCodeLens;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var uri = request.ParamsAs(LspJsonContext.Default.CodeLensParams).TextDocument.Uri;
        return await WorkspaceRead.ReadAsync(session, uri, (workspace, doc, map) =>
        {
            var lenses = LinkedRepo.Lenses(doc.Parsed).Select(l => new CodeLens(map.ToRange(l.Span),
                new Command(l.Title, LinkedRepo.Command, [JsonSerializer.SerializeToElement(l.Target, LspJsonContext.Default.String)]))).ToList();
            foreach (var (paper, others) in PaperReferences.Lenses(workspace, doc.Uri))
            {
                var range = map.ToRange(paper.TitleSpan);
                var locations = others.Select(o => new Location(o.DocumentId, WorkspaceRead.Mapper(session, o.Document).ToRange(o.Paper.TitleSpan))).ToList();
                string title = others.Count == 1 ? "1 other copy" : string.Create(CultureInfo.InvariantCulture, $"{others.Count} other copies");
                lenses.Add(new CodeLens(range, new Command(title, ShowCopiesCommand.Name,
                [
                    JsonSerializer.SerializeToElement(doc.Uri, LspJsonContext.Default.String),
                    JsonSerializer.SerializeToElement(range.Start, LspJsonContext.Default.Position),
                    JsonSerializer.SerializeToElement<IReadOnlyList<Location>>(locations, LspJsonContext.Default.IReadOnlyListLocation),
                ])));
            }
            lenses.Sort((a, b) => a.Range.Start.Line != b.Range.Start.Line ? a.Range.Start.Line.CompareTo(b.Range.Start.Line) : a.Range.Start.Character.CompareTo(b.Range.Start.Character));
            return JsonPayload.ToResult<IReadOnlyList<CodeLens>>(lenses, LspJsonContext.Default.IReadOnlyListCodeLens);
        }, token);
    }
}
