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
        var gcPauses = new List<double>();
        var totals = new List<double>();
        int gen2 = GC.CollectionCount(2);
        for (int i = 0; i < warmup + repeat; i++)
        {
            int line = titles[(titles.Count / 2 + i) % titles.Count];
            var at = new Position(line, 2);
            var pause = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            store.Change(uri, ++version, [new TextDocumentContentChangeEvent("x", new PaperLsp.Protocol.Lsp.Range(at, at))]);
            double change = clock.Elapsed.TotalMilliseconds;
            var doc = store.Current.Get(uri)!;
            _ = doc.Parsed;
            double parse = clock.Elapsed.TotalMilliseconds;
            var workspace = ServerSession.Workspace(store.Current);
            _ = workspace.DuplicateStampOf(uri); // brings the duplicate index up to this version
            double sync = clock.Elapsed.TotalMilliseconds;
            _ = workspace.ProblemsOf(uri);
            double analyse = clock.Elapsed.TotalMilliseconds;
            var diagnostics = DiagnosticMapper.Map(workspace, uri, utf8: false);
            double map = clock.Elapsed.TotalMilliseconds;
            var json = JsonPayload.ToResult(DocumentDiagnosticReport.Full(diagnostics, DiagnosticMapper.Fingerprint(diagnostics)), LspJsonContext.Default.DocumentDiagnosticReport);
            double total = clock.Elapsed.TotalMilliseconds;
            // What an editor's outline view asks for next: the new version's symbols, serialised.
            var outline = PaperLsp.Core.Features.Outline.Of(doc.Parsed);
            double outlined = clock.Elapsed.TotalMilliseconds;
            var mapper = new PaperLsp.Server.Text.PositionMapper(doc.Text, doc.Parsed.Lines, utf8: false);
            double mapped = clock.Elapsed.TotalMilliseconds;
            var symbolJson = PaperLsp.Server.Text.OutlineJson.Write(outline, mapper, _ => SymbolKind.Class);
            double symbolsDone = clock.Elapsed.TotalMilliseconds;
            if (i < warmup) continue;
            Add(steps, "outline", outlined - total);
            Add(steps, "symbols", symbolsDone - mapped);
            _ = symbolJson;
            Add(steps, "change", change);
            Add(steps, "parse", parse - change);
            Add(steps, "index sync", sync - parse);
            Add(steps, "problems", analyse - sync);
            Add(steps, "map", map - analyse);
            Add(steps, "serialise", total - map);
            totals.Add(total);
            gcPauses.Add((GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
            _ = json;
        }
        foreach (var (name, xs) in steps) output.Line(Row(name, xs));
        output.Line(Row("total", totals));
        output.Line(Row("gc pause", gcPauses));
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
