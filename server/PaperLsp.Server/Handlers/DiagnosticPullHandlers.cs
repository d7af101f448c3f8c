using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Diagnostics;

namespace PaperLsp.Server.Handlers;

/// <summary>textDocument/diagnostic: computed on demand from the current snapshot; "unchanged" when the client has them.</summary>
public sealed class DocumentDiagnosticHandler : IRequestHandler
{
    public string Method => Methods.TextDocumentDiagnostic;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.DocumentDiagnosticParams);
        var snapshot = session.Documents.Current;
        var doc = snapshot.Get(p.TextDocument.Uri)
            ?? throw new ResponseErrorException(ErrorCodes.InvalidParams, $"document is not open: {p.TextDocument.Uri}");
        await Task.Yield();
        var diagnostics = DiagnosticMapper.Map(ServerSession.Workspace(snapshot), doc.Uri, session.Utf8Positions);
        token.ThrowIfCancellationRequested();
        session.ThrowIfStale(doc);
        string resultId = DiagnosticMapper.Fingerprint(diagnostics);
        var report = p.PreviousResultId == resultId ? DocumentDiagnosticReport.Unchanged(resultId) : DocumentDiagnosticReport.Full(diagnostics, resultId);
        return JsonPayload.ToResult(report, LspJsonContext.Default.DocumentDiagnosticReport);
    }
}

/// <summary>workspace/diagnostic: every document the server knows, "unchanged" where the client is up to date.</summary>
public sealed class WorkspaceDiagnosticHandler : IRequestHandler
{
    public string Method => Methods.WorkspaceDiagnostic;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.WorkspaceDiagnosticParams);
        var previous = p.PreviousResultIds.ToDictionary(r => r.Uri, r => r.Value, StringComparer.Ordinal);
        var snapshot = session.Documents.Current;
        await Task.Yield();
        var workspace = ServerSession.Workspace(snapshot);
        var items = new List<WorkspaceDocumentDiagnosticReport>();
        foreach (var doc in snapshot.Documents.Values.OrderBy(d => d.Uri, StringComparer.Ordinal))
        {
            token.ThrowIfCancellationRequested();
            var diagnostics = DiagnosticMapper.Map(workspace, doc.Uri, session.Utf8Positions);
            string id = DiagnosticMapper.Fingerprint(diagnostics);
            items.Add(previous.GetValueOrDefault(doc.Uri) == id
                ? WorkspaceDocumentDiagnosticReport.Unchanged(doc.Uri, doc.Version, id)
                : WorkspaceDocumentDiagnosticReport.Full(doc.Uri, doc.Version, diagnostics, id));
        }
        return JsonPayload.ToResult(new WorkspaceDiagnosticReport(items), LspJsonContext.Default.WorkspaceDiagnosticReport);
    }
}
