using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>
/// <c>paperlsp.showCopies [uri, position, locations]</c>, the command of the "N other copies" lens. The
/// arguments have the shape of VS Code's <c>editor.action.showReferences</c>, so the VS Code client shows
/// them in a peek view; any other client gets here, and the server opens the next copy with
/// window/showDocument. Only the uri and position are read: the copies are looked up again.
/// </summary>
internal static class ShowCopiesCommand
{
    public const string Name = "paperlsp.showCopies";

    public static async Task<JsonResult?> RunAsync(ServerSession session, IReadOnlyList<JsonElement> args, CancellationToken token)
    {
        if (args.Count < 2 || args[0].ValueKind != JsonValueKind.String)
            throw new ResponseErrorException(ErrorCodes.InvalidParams, $"{Name} takes [uri, position, locations?]");
        var position = ExecuteCommandHandler.ReadPosition(args[1]);
        var target = await WorkspaceRead.ReadAsync(session, args[0].GetString()!, (workspace, doc, map) =>
        {
            if (PaperReferences.At(workspace, doc.Uri, map.ToOffset(position), includeItself: false) is not { Copies.Count: > 0 } found) return null;
            var next = found.Copies[0];
            return new Location(next.DocumentId, WorkspaceRead.Mapper(session, next.Document).ToRange(next.Paper.TitleSpan));
        }, token).ConfigureAwait(false);
        if (target is null || session.Client.Window?.ShowDocument?.Support != true) return ExecuteCommandHandler.False;
        try
        {
            var shown = await session.Connection.SendRequestAsync(Methods.WindowShowDocument,
                new ShowDocumentParams { Uri = target.Uri, TakeFocus = true, Selection = target.Range },
                LspJsonContext.Default.ShowDocumentParams, LspJsonContext.Default.ShowDocumentResult, token).ConfigureAwait(false);
            return shown?.Success == true ? ExecuteCommandHandler.True : ExecuteCommandHandler.False;
        }
        catch (Exception e) when (e is ResponseErrorException or JsonException)
        {
            session.Logger.LogWarning("The client did not open {Uri}: {Error}", target.Uri, e.Message);
            return ExecuteCommandHandler.False;
        }
    }
}
