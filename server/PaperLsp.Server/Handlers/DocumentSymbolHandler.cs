using System.Text.Json;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Handlers;

/// <summary>The outline: hierarchical symbols when the client supports them, flat ones otherwise.</summary>
public sealed class DocumentSymbolHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentDocumentSymbol;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var uri = request.ParamsAs(LspJsonContext.Default.DocumentSymbolParams).TextDocument.Uri;
        bool hierarchical = session.Client.TextDocument?.DocumentSymbol?.HierarchicalDocumentSymbolSupport == true;
        return await session.ReadCachedAsync(uri, hierarchical ? "symbols/tree" : "symbols/flat", (_, doc, map) =>
        {
            var outline = Outline.Of(doc);
            return hierarchical
                ? OutlineJson.Write(outline, map, Kind)
                : JsonPayload.ToResult(Flat(outline, uri, map, null).ToList(), LspJsonContext.Default.IReadOnlyListSymbolInformation);
        }, token);
    }

    private static IEnumerable<SymbolInformation> Flat(IReadOnlyList<OutlineItem> items, string uri, PositionMapper map, string? container)
    {
        foreach (var item in items)
        {
            yield return new SymbolInformation
            {
                Name = item.Name,
                Kind = Kind(item),
                Location = new Location(uri, map.ToRange(item.Span)),
                ContainerName = container,
            };
            foreach (var child in Flat(item.Children, uri, map, item.Name)) yield return child;
        }
    }

    internal static SymbolKind Kind(OutlineItem item) => item.Kind == OutlineKind.Section ? SymbolKind.Namespace : SymbolKind.Class;
}
