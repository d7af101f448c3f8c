using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Core.Model;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Handlers;

/// <summary>workspace/symbol: papers of every open document by title words, arXiv id or #tag, best first.</summary>
public sealed class WorkspaceSymbolHandler : IRequestHandler
{
    public string Method => Methods.WorkspaceSymbol;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        string query = request.ParamsAs(LspJsonContext.Default.WorkspaceSymbolParams).Query;
        var snapshot = session.Documents.Current;
        await Task.Yield();
        var matches = WorkspaceSymbols.Search(ServerSession.Workspace(snapshot), query, WorkspaceSymbols.DefaultLimit, token);
        var mappers = new Dictionary<DigestDocument, PositionMapper>(ReferenceEqualityComparer.Instance);
        var symbols = matches.Select(m => new SymbolInformation
        {
            Name = m.Name,
            Kind = SymbolKind.Class,
            Location = new Location(m.DocumentId, Mapper(m.Document).ToRange(m.Paper.TitleSpan)),
            ContainerName = Lookup.FileName(m.DocumentId),
        }).ToList();
        return JsonPayload.ToResult<IReadOnlyList<SymbolInformation>>(symbols, LspJsonContext.Default.IReadOnlyListSymbolInformation);

        PositionMapper Mapper(DigestDocument doc)
        {
            if (!mappers.TryGetValue(doc, out var map)) mappers[doc] = map = WorkspaceRead.Mapper(session, doc);
            return map;
        }
    }
}
