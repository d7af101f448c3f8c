using PaperLsp.Core.Fixes;
using PaperLsp.Core.Text;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

/// <summary>
/// codeAction/resolve: fills in the edit of an action listed by <see cref="CodeActionHandler"/>. The document must
/// still be at the version the action was listed for (else ContentModified), and the verifier must accept the edit
/// (else RequestFailed, with its reason).
/// </summary>
public sealed class CodeActionResolveHandler : IRequestHandler
{
    public string Method => Methods.CodeActionResolve;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var action = request.ParamsAs(LspJsonContext.Default.CodeAction);
        var data = CodeActionHandler.ReadData(action.Data)
            ?? throw new ResponseErrorException(ErrorCodes.InvalidParams, "this code action has no PaperLsp data to resolve");
        var snapshot = session.Documents.Current;
        return await session.ReadAsync(data.Uri, (open, doc, map) =>
        {
            if (open.Version != data.Version)
                throw new ResponseErrorException(ErrorCodes.ContentModified, $"{open.Uri} changed since the action was offered");
            var problems = ServerSession.Workspace(snapshot).ProblemsOf(open.Uri);
            var range = TextSpan.FromBounds(Math.Min(data.Range.Start, doc.Text.Length), Math.Min(data.Range.End, doc.Text.Length));
            var fix = CodeFixes.Find(doc, problems, range, data.Id, open.Uri)
                ?? throw new ResponseErrorException(ErrorCodes.RequestFailed, $"the fix {data.Id} is no longer on offer");
            var edit = CodeActionHandler.Edit(session, doc, fix, open.Uri, map, out string? failure)
                ?? throw new ResponseErrorException(ErrorCodes.RequestFailed, $"not applied: {failure}");
            return JsonPayload.ToResult(action with { Edit = edit }, LspJsonContext.Default.CodeAction);
        }, token);
    }
}
