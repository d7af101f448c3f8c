using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperLsp.Core.Features;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>
/// workspace/executeCommand for <c>paperlsp.showCopies</c> (see <see cref="ShowCopiesCommand"/>) and
/// <c>paperlsp.openLinkedRepo</c>, with arguments <c>[url]</c> or
/// <c>[uri, position]</c>: asks the client to open the http(s) link externally (window/showDocument)
/// and answers whether it did. A URL from the arguments is used only when it is http(s).
/// </summary>
public sealed class ExecuteCommandHandler : IRequestHandler
{
    public static readonly IReadOnlyList<string> Commands = [LinkedRepo.Command, ShowCopiesCommand.Name];
    internal static readonly JsonElement True = JsonElement.Parse("true");
    internal static readonly JsonElement False = JsonElement.Parse("false");

    public string Method => Methods.WorkspaceExecuteCommand;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.ExecuteCommandParams);
        if (p.Command == ShowCopiesCommand.Name) return await ShowCopiesCommand.RunAsync(session, p.Arguments ?? [], token).ConfigureAwait(false);
        if (p.Command != LinkedRepo.Command) throw new ResponseErrorException(ErrorCodes.InvalidParams, $"unknown command {p.Command}");
        var args = p.Arguments ?? [];
        if (args.Count == 0 || args[0].ValueKind != JsonValueKind.String)
            throw new ResponseErrorException(ErrorCodes.InvalidParams, $"{LinkedRepo.Command} takes [url] or [uri, position]");
        string first = args[0].GetString()!;
        string? url = args.Count >= 2
            ? await session.ReadAsync(first, (_, doc, map) => LinkedRepo.At(doc, map.ToOffset(ReadPosition(args[1]))), token)
            : SafeUrl.Http(first);
        if (url is null) return False;
        if (session.Client.Window?.ShowDocument?.Support != true)
        {
            session.Logger.LogWarning("The client cannot open {Url}: it does not support window/showDocument", url);
            return False;
        }
        try
        {
            var shown = await session.Connection.SendRequestAsync(Methods.WindowShowDocument, new ShowDocumentParams { Uri = url, External = true },
                LspJsonContext.Default.ShowDocumentParams, LspJsonContext.Default.ShowDocumentResult, token).ConfigureAwait(false);
            return shown?.Success == true ? True : False;
        }
        catch (Exception e) when (e is ResponseErrorException or JsonException)
        {
            session.Logger.LogWarning("The client did not open {Url}: {Error}", url, e.Message);
            return False;
        }
    }

    internal static Position ReadPosition(JsonElement element)
    {
        try
        {
            // A Position, or TextDocumentPositionParams' shape with one inside.
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("position", out var inner)) element = inner;
            return element.Deserialize(LspJsonContext.Default.Position)
                ?? throw new ResponseErrorException(ErrorCodes.InvalidParams, "the position is missing");
        }
        catch (JsonException e)
        {
            throw new ResponseErrorException(ErrorCodes.InvalidParams, $"invalid position: {e.Message}");
        }
    }
}
