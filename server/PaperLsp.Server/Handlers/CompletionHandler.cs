using System.Globalization;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>textDocument/completion: <c>#tags</c> in note lines, with how many papers use each (triggered by '#').</summary>
public sealed class CompletionHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentCompletion;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.CompletionParams);
        return await WorkspaceRead.ReadAsync(session, p.TextDocument.Uri, (workspace, doc, map) =>
        {
            if (TagCompletion.At(workspace, doc.Uri, map.ToOffset(p.Position)) is not { } found) return JsonPayload.Null;
            var range = map.ToRange(found.Replace);
            var items = found.Items.Select((s, i) => new CompletionItem
            {
                Label = "#" + s.Tag,
                Kind = s.IsStatus ? CompletionItemKind.EnumMember : CompletionItemKind.Keyword,
                Detail = (s.IsStatus ? "reading status · " : "tag · ") + (s.Papers == 1 ? "1 paper" : string.Create(CultureInfo.InvariantCulture, $"{s.Papers:N0} papers")),
                SortText = i.ToString("D5", CultureInfo.InvariantCulture),
                FilterText = "#" + s.Tag,
                TextEdit = new TextEdit(range, "#" + s.Tag),
            }).ToList();
            return JsonPayload.ToResult(new CompletionList(false, items), LspJsonContext.Default.CompletionList);
        }, token);
    }
}
