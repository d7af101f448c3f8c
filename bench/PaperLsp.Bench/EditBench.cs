using System.Diagnostics;
using System.Globalization;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server;
using PaperLsp.Server.Diagnostics;
using PaperLsp.Server.Documents;

namespace PaperLsp.Bench;

/// <summary>
/// `edits FILE`: the server's edit → fresh diagnostics path in process, step by step (apply the change,
/// analyse, map, serialise), with the collector's pauses, so a slow end-to-end figure can be taken apart.
/// Each edit types one character into another title near the middle, as bench/lsp_latency.py does.
/// Wall time per step, then the thread's CPU time per step (steadier when other work shares the cores).
/// </summary>
internal static class EditBench
{
    public static void Run(string file, int repeat, int warmup, Out output)
    {
        const string uri = "file:///bench.digest";
        string text = File.ReadAllText(file, ParseBench.Utf8);
        var store = new DocumentStore();
        store.Open(uri, 1, text);
        Diagnose(store, uri);
        var titles = TitleLines(text);
        int version = 1;
        var steps = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var cpuSteps = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var cpuTotals = new List<double>();
        var gcPauses = new List<double>();
        var totals = new List<double>();
        int gen2 = GC.CollectionCount(2);
        int lastCount = 0, lastBytes = 0;
        for (int i = 0; i < warmup + repeat; i++)
        {
            int line = titles[(titles.Count / 2 + i) % titles.Count];
            var at = new Position(line, 2);
            var pause = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            double cpu0 = ThreadCpu.Milliseconds;
            var marks = new List<(string Step, double Wall, double Cpu)>();
            void Mark(string step) => marks.Add((step, clock.Elapsed.TotalMilliseconds, ThreadCpu.Milliseconds - cpu0));
            store.Change(uri, ++version, [new TextDocumentContentChangeEvent("x", new PaperLsp.Protocol.Lsp.Range(at, at))]);
            Mark("change");
            var doc = store.Current.Get(uri)!;
            _ = doc.Parsed;
            Mark("parse");
            var workspace = ServerSession.Workspace(store.Current);
            _ = workspace.DuplicateStampOf(uri); // brings the duplicate index up to this version
            Mark("index sync");
            _ = workspace.ProblemsOf(uri);
            Mark("problems");
            var diagnostics = DiagnosticMapper.Map(workspace, uri, utf8: false);
            Mark("map");
            var json = JsonPayload.ToResult(DocumentDiagnosticReport.Full(diagnostics, DiagnosticMapper.Fingerprint(diagnostics)), LspJsonContext.Default.DocumentDiagnosticReport);
            Mark("serialise");
            int diagnosticSteps = marks.Count;
            // What an editor's outline view asks for next: the new version's symbols, serialised (not in the total).
            var outline = PaperLsp.Core.Features.Outline.Of(doc.Parsed);
            Mark("outline");
            var symbolJson = PaperLsp.Server.Text.OutlineJson.Write(outline, new PaperLsp.Server.Text.PositionMapper(doc.Text, doc.Parsed.Lines, utf8: false), _ => SymbolKind.Class);
            Mark("symbols");
            _ = symbolJson;
            if (i < warmup) continue;
            for (int m = 0; m < marks.Count; m++)
            {
                Add(steps, marks[m].Step, marks[m].Wall - (m == 0 ? 0 : marks[m - 1].Wall));
                Add(cpuSteps, marks[m].Step, marks[m].Cpu - (m == 0 ? 0 : marks[m - 1].Cpu));
            }
            totals.Add(marks[diagnosticSteps - 1].Wall);
            cpuTotals.Add(marks[diagnosticSteps - 1].Cpu);
            gcPauses.Add((GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
            if (i == warmup + repeat - 1) (lastCount, lastBytes) = (diagnostics.Count, json.ToElement().GetRawText().Length);
        }
        foreach (var (name, xs) in steps) output.Line(Row(name, xs));
        output.Line(Row("total", totals));
        output.Line(Row("gc pause", gcPauses));
        output.Line("thread cpu (the same steps, not counting time the thread waited for a core):");
        foreach (var (name, xs) in cpuSteps) output.Line(Row(name, xs));
        output.Line(Row("total", cpuTotals));
        output.Line(string.Create(CultureInfo.InvariantCulture, $"last edit: {lastCount} diagnostics, {lastBytes:N0} chars of JSON"));
        output.Line(string.Create(CultureInfo.InvariantCulture, $"gen2 collections: {GC.CollectionCount(2) - gen2} over {warmup + repeat} edits"));
    }

    private static void Diagnose(DocumentStore store, string uri) =>
        _ = DiagnosticMapper.Map(ServerSession.Workspace(store.Current), uri, utf8: false);

    internal static void Add(Dictionary<string, List<double>> steps, string name, double ms)
    {
        if (!steps.TryGetValue(name, out var list)) steps[name] = list = [];
        list.Add(ms);
    }

    internal static string Row(string name, List<double> xs)
    {
        var sorted = xs.Order().ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{name,-11} median {sorted[sorted.Count / 2],8:F2} ms   min {sorted[0],8:F2}   max {sorted[^1],8:F2}");
    }

    /// <summary>The same rule as bench/lsp_latency.py: a short line followed by a blank line or a long line.</summary>
    private static List<int> TitleLines(string text)
    {
        var lines = text.Split('\n');
        var result = new List<int>();
        for (int i = 0; i < lines.Length - 1; i++)
            if (lines[i].Length is > 0 and < 250 && (lines[i + 1].Length == 0 || lines[i + 1].Length > 300)) result.Add(i);
        return result;
    }
}
