using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Handlers;

/// <summary>Semantic tokens of the whole document.</summary>
public sealed class SemanticTokensFullHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentSemanticTokensFull;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var uri = request.ParamsAs(LspJsonContext.Default.SemanticTokensParams).TextDocument.Uri;
        return await session.ReadCachedAsync(uri, "tokens", (_, doc, _) => JsonPayload.ToResult(
            new SemanticTokens(SemanticTokenEncoder.Encode(doc, SyntaxHighlighting.Of(doc), session.Utf8Positions)),
            LspJsonContext.Default.SemanticTokens), token);
    }
}

/// <summary>Semantic tokens of a range (the visible part of a large digest): only the papers in it are visited.</summary>
public sealed class SemanticTokensRangeHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentSemanticTokensRange;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.SemanticTokensRangeParams);
        return await session.ReadAsync(p.TextDocument.Uri, (_, doc, map) => JsonPayload.ToResult(
            new SemanticTokens(SemanticTokenEncoder.Encode(doc, SyntaxHighlighting.InRange(doc, map.ToSpan(p.Range)), session.Utf8Positions)),
            LspJsonContext.Default.SemanticTokens), token);
    }
}
