using System.Diagnostics;
using System.Globalization;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Bench;

/// <summary>
/// `index FOLDER`: the workspace index's work in process, stage by stage, as the server does it on a
/// scan (read + parse + duplicate keys per file, then one Sync of the duplicate index), with CPU time
/// and the collector's pauses beside wall time. Each repeat starts a new index over the same papers.
/// </summary>
internal static class IndexBench
{
    public static void Run(string folder, int repeat, Out output)
    {
        var clock = new Clock();
        clock.Start();
        var texts = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToDictionary(f => f, f => File.ReadAllText(f, ParseBench.Utf8), StringComparer.Ordinal);
        var read = clock.Lap();
        var docs = texts.ToDictionary(t => t.Key, t => DigestParser.Parse(t.Value, t.Key), StringComparer.Ordinal);
        var parse = clock.Lap();
        foreach (var doc in docs.Values) DuplicateIndex.Prepare(doc);
        var keys = clock.Lap();
        output.Line(string.Create(CultureInfo.InvariantCulture, $"{docs.Count} files, {texts.Values.Sum(t => (long)t.Length) / 1e6:F1} M chars, {docs.Values.Sum(d => d.Papers.Count)} papers (one thread, wall/cpu ms)"));
        output.Line(string.Create(CultureInfo.InvariantCulture, $"read+decode      {read.Wall:F0} / {read.Cpu:F0}"));
        output.Line(string.Create(CultureInfo.InvariantCulture, $"parse            {parse.Wall:F0} / {parse.Cpu:F0}"));
        output.Line(string.Create(CultureInfo.InvariantCulture, $"duplicate keys   {keys.Wall:F0} / {keys.Cpu:F0}"));
        for (int r = 0; r < repeat; r++)
        {
            var pause = GC.GetTotalPauseDuration();
            clock.Start();
            var index = new DuplicateIndex();
            index.Sync(docs);
            var sync = clock.Lap();
            output.Line(string.Create(CultureInfo.InvariantCulture,
                $"index sync #{r + 1}    wall {sync.Wall:F0} ms, cpu {sync.Cpu:F0} ms, gc pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:F0} ms, groups across files {index.GroupsAcrossDocuments()}"));
        }
        // The from-scratch finder on the same papers: what a one-shot index has to compete with.
        var finderPause = GC.GetTotalPauseDuration();
        clock.Start();
        var found = DuplicateFinder.Find([.. docs.Select(d => (d.Key, d.Value))]);
        var finder = clock.Lap();
        output.Line(string.Create(CultureInfo.InvariantCulture,
            $"finder (reference) wall {finder.Wall:F0} ms, cpu {finder.Cpu:F0} ms, gc pauses {(GC.GetTotalPauseDuration() - finderPause).TotalMilliseconds:F0} ms, {found.Values.Sum(p => p.Count)} problems"));
    }
}
