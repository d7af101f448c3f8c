using System.Globalization;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Facts;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Bench;

/// <summary>
/// `breakdown FILE`: each stage of a parse and of `paperlsp check`, timed on its own through the public
/// API. Split, classification and fact extraction are re-run outside the parser the way the parser
/// runs them, so "rest of Parse" (Parse minus those) is the state machine, the tree and the content checks.
/// </summary>
internal static class Breakdown
{
    public static void Run(string file, int repeat, int warmup, Out output)
    {
        double mb = new FileInfo(file).Length / 1e6;
        output.Line(string.Create(CultureInfo.InvariantCulture, $"# breakdown {Path.GetFileName(file)}: {mb:F1} MB, {repeat} timed runs after {warmup} warm-up(s)"));
        var all = new List<List<(string Stage, Cost Ms)>>();
        for (int r = -warmup; r < repeat; r++)
        {
            var stages = OneRun(file);
            output.Line((r < 0 ? $"warm-up {r + warmup + 1}: " : $"run {r + 1}: ") + string.Join(" | ", stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage.Trim()} {s.Ms.Wall:F0} ({s.Ms.Cpu:F0})"))));
            if (r >= 0) all.Add(stages);
        }
        output.Line("");
        output.Line("| stage | median wall ms | min–max wall ms | median CPU ms | MB/s by CPU time |");
        output.Line("|---|---|---|---|---|");
        for (int k = 0; k < all[0].Count; k++)
        {
            var v = all.Select(x => x[k].Ms.Wall).Order().ToArray();
            double cpu = ParseBench.Median([.. all.Select(x => x[k].Ms.Cpu).Order()]);
            string stage = all[0][k].Stage.StartsWith(' ') ? "&nbsp;&nbsp;" + all[0][k].Stage.Trim() : all[0][k].Stage;
            output.Line(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {ParseBench.Median(v):N0} | {v[0]:N0}–{v[^1]:N0} | {cpu:N0} | {(cpu > 0 ? mb / (cpu / 1e3) : 0):N0} |"));
        }
    }

    private static List<(string Stage, Cost Ms)> OneRun(string file)
    {
        var stages = new List<(string Stage, Cost Ms)>();
        var clock = new Clock();
        void Start()
        {
            ParseBench.Quiesce();
            clock.Start();
        }
        Cost Stop(string stage)
        {
            var cost = clock.Lap();
            stages.Add((stage, cost));
            return cost;
        }

        Start();
        byte[] bytes = File.ReadAllBytes(file);
        Stop("read");
        Start();
        string text = ParseBench.Utf8.GetString(bytes);
        Stop("UTF-8 decode");
        bytes = [];
        int bom = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;

        Start();
        var lines = LineSplitter.Split(text, bom);
        var split = Stop("split lines (LineSplitter)");

        Start();
        int content = Classify(text, lines);
        var classify = Stop("classify lines (LineClassifier chain + LooksLikeAbstract)");
        GC.KeepAlive(content);
        lines = null;

        Start();
        var doc = DigestParser.Parse(text, file);
        var parse = Stop("DigestParser.Parse (whole)");

        Start();
        var titles = new string[doc.Papers.Count];
        for (int i = 0; i < titles.Length; i++) titles[i] = text.Substring(doc.Papers[i].TitleSpan.Start, doc.Papers[i].TitleSpan.Length);
        var substr = Stop("  facts: title Substring");
        Start();
        var links = new List<PaperLink>[doc.Papers.Count];
        for (int i = 0; i < links.Length; i++) links[i] = LinkExtractor.Find(text, doc.Papers[i].Span);
        var linkFind = Stop("  facts: LinkExtractor.Find (incl. Clean + Classify)");
        Start();
        int kinds = 0;
        foreach (var list in links) foreach (var l in list) kinds += (int)LinkExtractor.Classify(l.Target);
        Stop("    of which LinkExtractor.Classify alone (Uri parse)");
        Start();
        int ids = 0;
        for (int i = 0; i < links.Length; i++)
        {
            string? id = null;
            foreach (var l in links[i]) if ((id = ArxivId.Find(l.Target)) is not null) break;
            var span = doc.Papers[i].Span;
            id ??= ArxivId.Find(text.AsSpan(span.Start, span.Length));
            if (id is not null) ids++;
        }
        var arxiv = Stop("  facts: ArxivId.Find (links, then the entry's text)");
        Start();
        long keyLength = 0;
        foreach (var t in titles) keyLength += TitleKey.Of(t).Length;
        var keys = Stop("  facts: TitleKey.Of");
        GC.KeepAlive(kinds + ids + keyLength);
        links = null;
        titles = null;
        stages.Add(("rest of Parse: state machine, paper records, tree, content checks (Parse minus the rows above)",
            new Cost(parse.Wall - split.Wall - classify.Wall - substr.Wall - linkFind.Wall - arxiv.Wall - keys.Wall,
                parse.Cpu - split.Cpu - classify.Cpu - substr.Cpu - linkFind.Cpu - arxiv.Cpu - keys.Cpu)));

        // paperlsp check on top of the parse.
        Start();
        var index = LineIndex.Create(text);
        Stop("check: LineIndex.Create");
        GC.KeepAlive(index);
        var refs = doc.Papers.Where(p => !p.DuplicateAllowed).Select(p => new PaperRef(file, doc, p)).ToList();
        Start();
        var groups = ExactDuplicates.Groups(refs);
        Stop("check: ExactDuplicates.Groups");
        Start();
        var near = NearDuplicates.Find(refs);
        Stop("check: NearDuplicates.Find");
        GC.KeepAlive(groups.Count + near.Count);
        Start();
        var snapshot = new WorkspaceSnapshot([(file, doc)]);
        var problems = snapshot.ProblemsOf(file);
        Stop("check: WorkspaceSnapshot.ProblemsOf (DuplicateFinder: exact + near + messages)");
        Start();
        long chars = 0;
        foreach (var p in problems)
        {
            var pos = doc.Lines.GetPosition(p.Span.Start);
            chars += string.Create(CultureInfo.InvariantCulture, $"{file}:{pos.Line + 1}:{pos.Character + 1}: {p.Code}: {p.Message}").Length;
        }
        Stop("check: format problem lines");
        Start();
        int shared = snapshot.PapersInSeveralDocuments();
        Stop("check: summary (PapersInSeveralDocuments)");
        GC.KeepAlive(chars + shared);
        GC.KeepAlive(doc);
        return stages;
    }

    /// <summary>The predicates PlainDigestParser.Line runs, in its order, plus LooksLikeAbstract on content lines.</summary>
    private static int Classify(string text, List<TextLine> lines)
    {
        int content = 0;
        foreach (var line in lines)
        {
            var s = text.AsSpan(line.Start, line.ContentLength);
            if (LineClassifier.IsBlank(s) || LineClassifier.IsNote(s) || LineClassifier.IsSuppression(s, out _)
                || LineClassifier.IsVote(s) || LineClassifier.IsUrlOnly(s) || LineClassifier.IsAuthors(s, out _)
                || LineClassifier.IsCommentCount(s, out _) || LineClassifier.IsSeparator(s) || LineClassifier.IsDate(s)
                || LineClassifier.IsBoilerplate(s))
                continue;
            if (LineClassifier.LooksLikeAbstract(s)) content++;
        }
        return content;
    }
}
