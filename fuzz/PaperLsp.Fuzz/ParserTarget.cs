using System.Text;
using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Fuzz;

/// <summary>
/// The parser, and the duplicate index on its result. Oracles: no exception; the tree's leaves tile the
/// text exactly (lossless); the incremental duplicate index agrees with the from-scratch finder.
/// </summary>
internal sealed class ParserTarget : ITarget
{
    private static readonly UTF8Encoding Utf8 = new(false, false);

    public string Name => "parser";

    public IEnumerable<byte[]> InitialCorpus(string repoRoot, string? seedsFolder)
    {
        var files = Directory.GetFiles(Path.Combine(repoRoot, "samples")).ToList();
        if (seedsFolder is not null && Directory.Exists(seedsFolder)) files.AddRange(Directory.GetFiles(seedsFolder));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            for (int at = 0; at < bytes.Length; at += 8 * 1024) yield return bytes[at..Math.Min(bytes.Length, at + 8 * 1024)];
        }
    }

    public Outcome Run(byte[] input, Random rng)
    {
        string text = Utf8.GetString(input);
        string name = (input.Length % 3) switch { 0 => "f.md", 1 => "f.digest", _ => "f.txt" };
        var features = new HashSet<long>();
        DigestDocument doc;
        try
        {
            doc = DigestParser.Parse(text, name);
            if (Tiles(doc) is { } gap) return new Outcome(features, $"not lossless ({name}): {gap}");
            var pair = new[] { ("a", doc), ("b", DigestParser.Parse(text, name)) };
            var index = new WorkspaceSnapshot(pair);
            var reference = DuplicateFinder.Find(index.Documents);
            foreach (var (id, _) in pair)
            {
                var got = index.ProblemsOf(id).Where(p => p.Code is DiagnosticCodes.Duplicate or DiagnosticCodes.NearDuplicate).Select(Render);
                if (!got.SequenceEqual(reference[id].Select(Render))) return new Outcome(features, $"duplicate index differs from the finder ({name})");
            }
        }
        catch (Exception e)
        {
            return new Outcome(features, $"{e.GetType().Name} ({name}): {e.Message}\n{e.StackTrace}");
        }
        long previous = 0;
        foreach (var leaf in doc.Root.Leaves())
        {
            long kind = (long)leaf.Kind + 1;
            features.Add(kind);
            features.Add((previous << 16) | kind | (1L << 40));
            previous = kind;
        }
        foreach (var p in doc.Problems) features.Add((long)(uint)p.Code.GetHashCode(StringComparison.Ordinal) | (2L << 40));
        features.Add((long)(uint)doc.Dialect | (3L << 40));
        foreach (var paper in doc.Papers)
            features.Add((long)(uint)((paper.HasAbstract ? 1 : 0) | (paper.Links.Count > 0 ? 2 : 0) | (paper.Date is null ? 0 : 4) | ((int)paper.Status << 3)
                | (paper.DuplicateAllowed ? 64 : 0) | (paper.ArxivId is null ? 0 : 128) | (paper.SectionIndex >= 0 ? 256 : 0)) | (4L << 40));
        features.Add((long)(uint)Math.Min(doc.Papers.Count, 64) | (5L << 40));
        return new Outcome(features, null);
    }

    private static string? Tiles(DigestDocument doc)
    {
        int expected = 0;
        foreach (var leaf in doc.Root.Leaves())
        {
            if (leaf.Span.Start != expected) return $"leaf {leaf.Kind} at {leaf.Span.Start}, expected {expected}";
            expected = leaf.Span.End;
        }
        return expected == doc.Text.Length ? null : $"the leaves end at {expected} of {doc.Text.Length}";
    }

    private static string Render(Problem p) => $"{p.Code} {p.Span.Start} {p.Span.Length} {p.Message}";
}
