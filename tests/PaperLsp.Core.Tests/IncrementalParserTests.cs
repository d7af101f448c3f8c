using System.Text;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests;

/// <summary>Whatever the edit, the incremental re-parse must equal a full parse of the new text.</summary>
public class IncrementalParserTests
{
    private static readonly string[] Inserts =
    [
        "x", " ", "\n", "\n\n", "\r\n", "Title: A New Paper\n", "We propose a method. It works well on benchmarks and scales.\n",
        "[-] 3\n", "https://huggingface.co/papers/2401.00001\n", "> #read\n", "Sep 11\n", "Subscribe", "·\n", "4 authors\n",
        "https://github.com/o/r{https://github.com/o/r\\_x}. ", "...", "𝔸", "\\textit{x}", "<!-- paperlsp: allow-duplicate -->\n", "",
    ];

    private static string BigDigest()
    {
        var sb = new StringBuilder();
        foreach (var file in Directory.GetFiles(Path.Combine(Seeds.RepoRoot, "samples")).Where(f => !f.EndsWith(".md")).Order())
        {
            string text = File.ReadAllText(file).TrimStart('\uFEFF');
            for (int k = 0; k < 12; k++) sb.Append(text.Replace("Title", $"Title {k}")).Append("\n\n");
        }
        return sb.ToString();
    }

    /// <param name="pieces">Edit a <see cref="SourceText"/> as the server does (the new text shares the old one's
    /// pieces) rather than hand the parser one new string per edit.</param>
    [Test]
    public void Random_edits_reparse_to_the_same_document_as_a_full_parse([Values] bool pieces)
    {
        string text = BigDigest();
        var source = SourceText.From(text);
        Assert.That(text.Length, Is.GreaterThan(65536), "the corpus must be large enough to take the incremental path");
        var doc = DigestParser.Parse(text, "big.digest");
        var rng = new Random(11);
        int spliced = 0;
        for (int i = 0; i < 400; i++)
        {
            int start = rng.Next(text.Length + 1);
            int removed = Math.Min(rng.Next(0, 4) == 0 ? rng.Next(0, 400) : rng.Next(0, 3), text.Length - start);
            string inserted = Inserts[rng.Next(Inserts.Length)];
            string next = string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(start + removed));
            var change = new TextChange(start, removed, inserted.Length);
            source = pieces ? source.Replace(start, removed, inserted) : SourceText.From(next);
            var incremental = ReparseAsFullParse(doc, source, change, next, $"edit {i} at {start} (-{removed} +{inserted.Replace("\n", "\\n")})");
            if (Spliced(doc, incremental)) spliced++;
            text = next;
            doc = incremental;
        }
        Assert.That(spliced, Is.GreaterThan(200), "most edits should take the incremental path");
        if (pieces) Assert.That(source.PieceCount, Is.GreaterThan(100), "the edits must have left the text in pieces");
    }

    /// <summary>The re-parse after <paramref name="change"/>, checked against a full parse of <paramref name="next"/>.</summary>
    private static Model.DigestDocument ReparseAsFullParse(Model.DigestDocument doc, SourceText source, TextChange change, string next, string edit)
    {
        var incremental = IncrementalParser.Reparse(doc, source, change, "big.digest");
        var full = DigestParser.Parse(next, "big.digest");
        string expected = OutlineRenderer.Render(full);
        string actual = OutlineRenderer.Render(incremental);
        if (actual != expected) Assert.Fail($"{edit} differs:\n{FirstDifference(expected, actual)}");
        Assert.That(Lossless.Reassemble(incremental), Is.EqualTo(next), $"{edit} is not lossless");
        Assert.That(incremental.Root.Children.Select(c => c.Kind), Is.EqualTo(full.Root.Children.Select(c => c.Kind)), $"{edit}: tree");
        return incremental;
    }

    /// <summary>A splice keeps the papers after the edit (moved copies share the title string); a full parse makes new ones.</summary>
    private static bool Spliced(Model.DigestDocument before, Model.DigestDocument after) =>
        before.Papers.Count > 0 && after.Papers.Count > 0 && ReferenceEquals(before.Papers[^1].Title, after.Papers[^1].Title);

    /// <summary>Edits in the first paper, right after the date heading that opens the list, are spliced too.</summary>
    [Test]
    public void Edits_in_the_first_paper_after_a_date_heading_reparse_to_the_same_document()
    {
        var head = new StringBuilder("new\n\nGet trending papers in your email inbox!\n\nSubscribe\n\nDaily Papers\n\nSep 10\n\n");
        for (int k = 0; k < 5; k++)
            head.Append($"Paper {k}: A Study of Sparse Things\n\nWe propose method {k}. It improves results by 3% on two benchmarks and stays simple to run.\n\n");
        string text = head + BigDigest();
        var doc = DigestParser.Parse(text, "big.digest");
        var source = SourceText.From(text);
        var rng = new Random(23);
        int spliced = 0;
        for (int i = 0; i < 200; i++)
        {
            int limit = doc.Papers[0].Span.End;
            int start = rng.Next(Math.Max(0, text.IndexOf("Sep 10", StringComparison.Ordinal) - 2), limit + 1);
            int removed = Math.Min(rng.Next(0, 3), text.Length - start);
            string inserted = Inserts[rng.Next(Inserts.Length)];
            string next = string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(start + removed));
            source = source.Replace(start, removed, inserted);
            var incremental = ReparseAsFullParse(doc, source, new TextChange(start, removed, inserted.Length), next, $"edit {i} at {start} (-{removed} +{inserted.Replace("\n", "\\n")})");
            if (Spliced(doc, incremental)) spliced++;
            text = next;
            doc = incremental;
        }
        Assert.That(spliced, Is.GreaterThan(8), "edits in the first paper should take the incremental path");
    }

    [Test]
    public void Composed_changes_cover_both_edits()
    {
        const string original = "0123456789";
        string afterFirst = "01AB456789";              // replace "23" by "AB"
        string afterSecond = "01AB4567XYZ9";            // replace "8" by "XYZ"
        var composed = TextChange.Compose(new TextChange(2, 2, 2), new TextChange(8, 1, 3));
        Assert.That(afterSecond, Is.EqualTo(string.Concat(afterFirst.AsSpan(0, 8), "XYZ", afterFirst.AsSpan(9))));
        Assert.That(composed, Is.EqualTo(new TextChange(2, 7, 9)));
        Assert.That(string.Concat(original.AsSpan(0, composed.Start), afterSecond.AsSpan(composed.Start, composed.NewLength), original.AsSpan(composed.Start + composed.OldLength)),
            Is.EqualTo(afterSecond));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string x = i < e.Length ? e[i] : "<none>", y = i < a.Length ? a[i] : "<none>";
            if (x != y) return $"line {i}:\n  full:        {x}\n  incremental: {y}\n  context full: {string.Join(" | ", e.Skip(Math.Max(0, i - 3)).Take(6))}\n  context incr: {string.Join(" | ", a.Skip(Math.Max(0, i - 3)).Take(6))}";
        }
        return "(equal)";
    }
}
