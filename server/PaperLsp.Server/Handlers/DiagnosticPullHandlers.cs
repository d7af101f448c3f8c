using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PaperLsp.Core.Configuration;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Diagnostics;

namespace PaperLsp.Server.Handlers;

/// <summary>
/// textDocument/diagnostic: computed on demand from the current snapshot; "unchanged" when the client has them.
/// A version's report is kept until its duplicates change (editors pull again on focus, save and refresh).
/// </summary>
public sealed class DocumentDiagnosticHandler : IRequestHandler
{
    private sealed record Report(long Stamp, Settings Settings, bool Utf8, string ResultId, JsonResult Full);

    private static readonly ConditionalWeakTable<Documents.OpenDocument, Report> Reports = new();

    /// <summary>A report that took this long is logged with where its time went (the first one of a large digest).</summary>
    internal static double SlowReportMs { get; set; } = 100;

    private static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    public string Method => Methods.TextDocumentDiagnostic;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.DocumentDiagnosticParams);
        var snapshot = session.Documents.Current;
        var doc = snapshot.Get(p.TextDocument.Uri)
            ?? throw new ResponseErrorException(ErrorCodes.InvalidParams, $"document is not open: {p.TextDocument.Uri}");
        await Task.Yield();
        session.ThrowIfStale(doc);
        long started = Stopwatch.GetTimestamp();
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        var pauseBefore = GC.GetTotalPauseDuration();
        var parsed = doc.Parsed;
        long afterParse = Stopwatch.GetTimestamp();
        var workspace = ServerSession.Workspace(snapshot);
        long stamp = workspace.DuplicateStampOf(doc.Uri);
        var settings = session.Settings;
        if (!Reports.TryGetValue(doc, out var report) || report.Stamp != stamp || !ReferenceEquals(report.Settings, settings) || report.Utf8 != session.Utf8Positions)
        {
            long afterDuplicates = Stopwatch.GetTimestamp();
            var diagnostics = DiagnosticMapper.Map(workspace, doc.Uri, session.Utf8Positions, settings);
            token.ThrowIfCancellationRequested();
            long afterMap = Stopwatch.GetTimestamp();
            string id = DiagnosticMapper.Fingerprint(diagnostics);
            report = new Report(stamp, settings, session.Utf8Positions, id,
                JsonPayload.ToResult(DocumentDiagnosticReport.Full(diagnostics, id), LspJsonContext.Default.DocumentDiagnosticReport));
            Reports.AddOrUpdate(doc, report);
            double total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (total >= SlowReportMs)
                session.Logger.LogInformation("Diagnostics of {Uri} took {Total:F0} ms: parse {Parse:F0}, duplicates {Duplicates:F0}, map {Map:F0}, serialise {Serialise:F0}; of which compiling {Jit:F0} (any thread) and collecting {Gc:F0} ({Papers}, {Count})",
                    doc.Uri, total, Ms(started, afterParse), Ms(afterParse, afterDuplicates), Ms(afterDuplicates, afterMap), Ms(afterMap, Stopwatch.GetTimestamp()),
                    (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalMilliseconds, (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds,
                    Core.Text.Quantity.Of(parsed.Papers.Count, "paper"), Core.Text.Quantity.Of(diagnostics.Count, "diagnostic"));
        }
        session.ThrowIfStale(doc);
        session.Pulled[doc.Uri] = (doc.Version, report.ResultId);
        return p.PreviousResultId == report.ResultId
            ? JsonPayload.ToResult(DocumentDiagnosticReport.Unchanged(report.ResultId), LspJsonContext.Default.DocumentDiagnosticReport)
            : report.Full;
    }
}

/// <summary>
/// workspace/diagnostic: every open document and every indexed file with something to say, "unchanged"
/// where the client is up to date. When nothing changed at all, the request is held open (long polling,
/// as the spec allows) until the workspace changes, the client cancels, or <see cref="HoldLimit"/> passes:
/// clients ask again as soon as they are answered, so an immediate "unchanged" would make them spin.
/// </summary>
public sealed class WorkspaceDiagnosticHandler : IRequestHandler
{
    public static TimeSpan HoldLimit { get; set; } = TimeSpan.FromMinutes(5);

    public string Method => Methods.WorkspaceDiagnostic;

    public async ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token)
    {
        var p = request.ParamsAs(LspJsonContext.Default.WorkspaceDiagnosticParams);
        var previous = p.PreviousResultIds.ToDictionary(r => r.Uri, r => r.Value, StringComparer.Ordinal);
        var until = DateTime.UtcNow + HoldLimit;
        while (true)
        {
            var changed = session.Documents.NextChange;
            await Task.Yield();
            var items = Report(session, session.Documents.Current, previous, token);
            bool news = items.Any(i => i.Kind == DocumentDiagnosticReportKind.Full) || items.Count != previous.Count;
            var left = until - DateTime.UtcNow;
            if (news || left <= TimeSpan.Zero)
                return JsonPayload.ToResult(new WorkspaceDiagnosticReport(items), LspJsonContext.Default.WorkspaceDiagnosticReport);
            await Task.WhenAny(changed, Task.Delay(left, token)).ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
        }
    }

    private static List<WorkspaceDocumentDiagnosticReport> Report(ServerSession session, Documents.DocumentSnapshot snapshot,
        Dictionary<string, string> previous, CancellationToken token)
    {
        var workspace = ServerSession.Workspace(snapshot);
        var settings = session.Settings;
        var items = new List<WorkspaceDocumentDiagnosticReport>();
        // Open documents, then the indexed files that are not open (an open document wins over its file).
        var targets = snapshot.Documents.Values.Select(d => (d.Uri, (int?)d.Version))
            .Concat(snapshot.ClosedFiles().Select(f => (f.Key, (int?)null)))
            .OrderBy(t => t.Item1, StringComparer.Ordinal);
        foreach (var (uri, version) in targets)
        {
            token.ThrowIfCancellationRequested();
            if (workspace.Get(uri) is null) continue;
            var diagnostics = DiagnosticMapper.Map(workspace, uri, session.Utf8Positions, settings);
            string id = DiagnosticMapper.Fingerprint(diagnostics);
            if (version is null && diagnostics.Count == 0 && !previous.ContainsKey(uri)) continue; // a clean closed file: nothing to say
            session.Pulled[uri] = (version, id);
            items.Add(previous.GetValueOrDefault(uri) == id
                ? WorkspaceDocumentDiagnosticReport.Unchanged(uri, version, id)
                : WorkspaceDocumentDiagnosticReport.Full(uri, version, diagnostics, id));
        }
        return items;
    }
}
