using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using HoverFeature = PaperLsp.Core.Features.Hover;
using HoverFormat = PaperLsp.Core.Features.HoverFormat;

namespace PaperLsp.Server.Handlers;

/// <summary>textDocument/hover: Markdown when the client renders it, plain text otherwise.</summary>
public sealed class HoverHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentHover;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.TextDocumentPositionParams);
        bool markdown = session.Client.TextDocument?.Hover?.ContentFormat?.Contains(MarkupKind.Markdown) == true;
        return await WorkspaceRead.ReadAsync(session, p.TextDocument.Uri, (workspace, doc, map) =>
        {
            var hover = HoverFeature.At(workspace, doc.Uri, map.ToOffset(p.Position), markdown ? HoverFormat.Markdown : HoverFormat.PlainText, session.Settings.Hover);
            if (hover is null) return JsonPayload.Null;
            var contents = new MarkupContent(markdown ? MarkupKind.Markdown : MarkupKind.PlainText, hover.Text);
            return JsonPayload.ToResult(new Hover(contents, map.ToRange(hover.Span)), LspJsonContext.Default.Hover);
        }, token);
    }
}
