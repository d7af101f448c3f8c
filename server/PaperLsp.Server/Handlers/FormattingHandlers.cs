using Microsoft.Extensions.Logging;
using PaperLsp.Core.Fixes;
using PaperLsp.Core.Formatting;
using PaperLsp.Core.Model;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Handlers;

/// <summary>textDocument/formatting: the canonical layout (whitespace only; the same for any options), once per version.</summary>
public sealed class DocumentFormattingHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentFormatting;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var uri = request.ParamsAs(LspJsonContext.Default.DocumentFormattingParams).TextDocument.Uri;
        return await session.ReadCachedAsync(uri, Methods.TextDocumentFormatting,
            (open, doc, map) => FormattingEdits.ToResult(session, doc, DigestFormatter.Edits(doc, open.Uri), open.Uri, map), token);
    }
}

/// <summary>textDocument/rangeFormatting: the formatting edits of the lines the range touches.</summary>
public sealed class DocumentRangeFormattingHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentRangeFormatting;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.DocumentRangeFormattingParams);
        return await session.ReadAsync(p.TextDocument.Uri,
            (open, doc, map) => FormattingEdits.ToResult(session, doc, DigestFormatter.Edits(doc, map.ToSpan(p.Range), open.Uri), open.Uri, map), token);
    }
}

internal static class FormattingEdits
{
    /// <summary>The edits as LSP text edits; none when the verifier finds that they would regroup the papers.</summary>
    public static JsonResult? ToResult(ServerSession session, DigestDocument doc, List<SpanEdit> edits, string uri, PositionMapper map)
    {
        if (FixVerifier.Apply(doc, edits, [], uri, out string? failure) is null)
        {
            session.Logger.LogWarning("Formatting {Uri} withheld: {Failure}", uri, failure);
            edits = [];
        }
        IReadOnlyList<TextEdit> result = edits.Select(e => new TextEdit(map.ToRange(e.Span), e.NewText)).ToList();
        return JsonPayload.ToResult(result, LspJsonContext.Default.IReadOnlyListTextEdit);
    }
}
