using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>
/// textDocument/definition: a URL's cleaned target, a title's primary link (as a location whose uri
/// is the web page; clients open it) and the first copy of a duplicated paper. LocationLinks when the
/// client takes them.
/// </summary>
public sealed class DefinitionHandler : IRequestHandler
{
    private static readonly Range Top = new(new Position(0, 0), new Position(0, 0));

    public string Method => Methods.TextDocumentDefinition;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.TextDocumentPositionParams);
        bool links = session.Client.TextDocument?.Definition?.LinkSupport == true;
        return await WorkspaceRead.ReadAsync(session, p.TextDocument.Uri, (workspace, doc, map) =>
        {
            if (Definition.At(workspace, doc.Uri, map.ToOffset(p.Position)) is not { } result) return JsonPayload.Null;
            var origin = map.ToRange(result.Origin);
            var targets = result.Targets.Select(t => t.Url is { } url
                ? (Uri: url, Range: Top)
                : (Uri: t.DocumentId!, Range: WorkspaceRead.Mapper(session, Lookup.Document(workspace, t.DocumentId!)!).ToRange(t.Span))).ToList();
            return links
                ? JsonPayload.ToResult<IReadOnlyList<LocationLink>>(targets.Select(t => new LocationLink(t.Uri, t.Range, t.Range, origin)).ToList(),
                    LspJsonContext.Default.IReadOnlyListLocationLink)
                : JsonPayload.ToResult<IReadOnlyList<Location>>(targets.Select(t => new Location(t.Uri, t.Range)).ToList(),
                    LspJsonContext.Default.IReadOnlyListLocation);
        }, token);
    }
}
