using System.Globalization;
using System.Text;
using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests;

/// <summary>
/// The incremental index must answer exactly what the batch finder answers on the same documents,
/// whatever sequence of edits, new files and deleted files led there; and a document whose problems
/// changed must show a new stamp (the publisher relies on it).
/// </summary>
public class DuplicateIndexTests
{
    private static readonly string[] Vocabulary =
    [
        "sparse", "graph", "learning", "vision", "transformer", "diffusion", "robust", "efficient", "scalable", "neural",
        "retrieval", "agents", "reasoning", "language", "models", "for", "with", "of", "the", "point", "cloud", "segmentation",
        "benchmark", "video", "policy", "reward", "quantum", "kernel", "attention", "memory", "zero-shot", "multimodal",
    ];

    private sealed record Entry(string Title, string Abstract);

    [TestCase(5)]
    [TestCase(17)]
    [TestCase(2026)]
    public void Random_edits_keep_the_index_equal_to_a_full_analysis(int seed)
    {
        var rng = new Random(seed);
        var pool = MakePool(rng, 160);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["file:///big.digest"] = Digest(rng, pool, 320),
            ["file:///a.digest"] = Digest(rng, pool, 12),
            ["file:///b.txt"] = Digest(rng, pool, 8),
        };
        Assert.That(texts["file:///big.digest"].Length, Is.GreaterThan(65536), "the big document must take the incremental parse path");
        var docs = texts.ToDictionary(p => p.Key, p => DigestParser.Parse(p.Value, p.Key), StringComparer.Ordinal);
        var index = new DuplicateIndex();
        var previous = new Dictionary<string, (string Problems, long Stamp)>(StringComparer.Ordinal);
        int checkedDuplicates = 0;
        for (int step = 0; step < 250; step++)
        {
            if (step > 0) Mutate(rng, pool, texts, docs);
            var snapshot = new WorkspaceSnapshot(docs.Select(p => (p.Key, p.Value)), index);
            var expected = DuplicateFinder.Find(snapshot.Documents);
            foreach (var (id, _) in snapshot.Documents)
            {
                string want = Render(expected[id]);
                string got = Render(snapshot.ProblemsOf(id).Where(p => p.Code is DiagnosticCodes.Duplicate or DiagnosticCodes.NearDuplicate));
                Assert.That(got, Is.EqualTo(want), $"step {step}, {id}");
                long stamp = snapshot.DuplicateStampOf(id);
                if (previous.TryGetValue(id, out var before) && before.Problems != want)
                    Assert.That(stamp, Is.Not.EqualTo(before.Stamp), $"step {step}, {id}: problems changed but the stamp did not");
                previous[id] = (want, stamp);
                checkedDuplicates += expected[id].Count;
            }
            foreach (var gone in previous.Keys.Where(k => !docs.ContainsKey(k)).ToList()) previous.Remove(gone);
            if (step % 10 == 0) CopiesMatchTheBatchGroups(snapshot, step);
        }
        Assert.That(checkedDuplicates, Is.GreaterThan(500), "the generator must produce duplicates to compare");
    }

    [TestCase(3)]
    [TestCase(41)]
    public void Big_groups_and_arxiv_ids_match_a_full_analysis(int seed)
    {
        // Copies by the dozen (past the five a message names and the fifty it relates), spread over
        // documents, some under arXiv ids that agree, some that differ, some without.
        var rng = new Random(seed);
        string[] ids = ["2406.11912", "2406.22222", "2501.00001"];
        var pool = MakePool(rng, 4).Take(4).ToList();
        string Entry()
        {
            int which = rng.Next(pool.Count);
            var e = pool[which];
            string suffix = which == 0 ? $" arXiv:{ids[2]}" : rng.Next(3) switch { 0 => "", 1 => $" arXiv:{ids[0]}", _ => $" arXiv:{ids[rng.Next(2)]}" };
            return $"{e.Title}\n\n{e.Abstract}{suffix}\n\n";
        }
        var docs = new Dictionary<string, DigestDocument>(StringComparer.Ordinal);
        foreach (var (id, count) in new[] { ("file:///a.digest", 90), ("file:///b.digest", 40), ("file:///c.digest", 3) })
            docs[id] = DigestParser.Parse(string.Concat(Enumerable.Range(0, count).Select(_ => Entry())), id);
        var snapshot = new WorkspaceSnapshot(docs.Select(p => (p.Key, p.Value)), new DuplicateIndex());
        var expected = DuplicateFinder.Find(snapshot.Documents);
        foreach (var (id, _) in snapshot.Documents)
            Assert.That(Render(snapshot.ProblemsOf(id).Where(p => p.Code is DiagnosticCodes.Duplicate or DiagnosticCodes.NearDuplicate)), Is.EqualTo(Render(expected[id])), id);
        var all = expected.Values.SelectMany(p => p).ToList();
        Assert.That(all.Any(p => p.Message.Contains("same arXiv id", StringComparison.Ordinal) && p.Message.Contains(" more", StringComparison.Ordinal)), "a big group under one id");
        Assert.That(all.Any(p => p.Message.StartsWith("Duplicate paper (same title)", StringComparison.Ordinal)), "a group by title");
        Assert.That(all.Max(p => p.RelatedLocations.Count), Is.EqualTo(50), "the related locations are capped");
    }

    [TestCase(8)]
    [TestCase(99)]
    public void A_first_scan_answers_as_documents_added_one_by_one_do(int seed)
    {
        // A first Sync into an empty index takes a shortcut (nothing marked dirty); so does a refill after
        // everything was removed, with slot numbers reused in another order, and a Sync that brings many
        // more papers than the index holds (it starts again).
        var rng = new Random(seed);
        var pool = MakePool(rng, 60);
        var docs = new Dictionary<string, DigestDocument>(StringComparer.Ordinal);
        foreach (var (id, count) in new[] { ("file:///c.digest", 150), ("file:///a.digest", 40), ("file:///b.txt", 25) })
            docs[id] = DigestParser.Parse(Digest(rng, pool, count), id);
        var oneByOne = new DuplicateIndex();
        var growing = new Dictionary<string, DigestDocument>(StringComparer.Ordinal);
        foreach (var (id, doc) in docs)
        {
            growing[id] = doc;
            oneByOne.Sync(new Dictionary<string, DigestDocument>(growing, StringComparer.Ordinal));
        }
        var atOnce = new DuplicateIndex();
        atOnce.Sync(docs);
        string want = Answers(oneByOne, docs);
        Assert.That(want, Does.Contain("PD002").And.Contain("PD001"), "the pool must produce both kinds of duplicates");
        Assert.That(Answers(atOnce, docs), Is.EqualTo(want));
        atOnce.Sync(new Dictionary<string, DigestDocument>());
        Assert.That(atOnce.PaperCount, Is.Zero);
        atOnce.Sync(new Dictionary<string, DigestDocument>(docs.Reverse(), StringComparer.Ordinal));
        Assert.That(Answers(atOnce, docs), Is.EqualTo(want));
        // A few open documents first, then a scan's many files: the index starts again, answering the same.
        var afterOpen = new DuplicateIndex();
        afterOpen.Sync(new Dictionary<string, DigestDocument> { ["file:///b.txt"] = docs["file:///b.txt"] });
        long before = afterOpen.StampOf("file:///b.txt");
        afterOpen.Sync(docs);
        Assert.That(Answers(afterOpen, docs), Is.EqualTo(want));
        Assert.That(afterOpen.StampOf("file:///b.txt"), Is.Not.EqualTo(before));
    }

    /// <summary>
    /// Everything the index answers about the documents: problems, and each paper's copies and near copies
    /// (those in no particular order: it follows the history of the index).
    /// </summary>
    private static string Answers(DuplicateIndex index, Dictionary<string, DigestDocument> docs)
    {
        var sb = new StringBuilder();
        foreach (var (id, doc) in docs.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            sb.Append("== ").Append(id).Append('\n').Append(Render(index.ProblemsOf(id))).Append('\n');
            foreach (var paper in doc.Papers)
            {
                static string Refs(IEnumerable<PaperRef> refs) => string.Join(" ", refs.Select(r => $"{r.DocumentId}#{r.Paper.Index}"));
                sb.Append(CultureInfo.InvariantCulture, $"#{paper.Index} copies [{Refs(index.CopiesOf(id, paper))}] all [{Refs(index.AllCopiesOf(id, paper))}] near [{Refs(index.NearCopiesOf(id, paper).OrderBy(r => (r.DocumentId, r.Paper.Index)))}]\n");
            }
        }
        return sb.ToString();
    }

    [Test]
    public void Stamps_of_two_indexes_never_compare_equal()
    {
        // The server starts a new index on every re-scan; its publisher compares stamps across them.
        var doc = DigestParser.Parse("Alpha Paper\n\nText about alpha.\n", "a.digest");
        var docs = new Dictionary<string, DigestDocument> { ["a.digest"] = doc };
        var first = new DuplicateIndex();
        first.Sync(docs);
        var second = new DuplicateIndex();
        second.Sync(docs);
        Assert.That(second.StampOf("a.digest"), Is.Not.EqualTo(first.StampOf("a.digest")));
        Assert.That(first.StampOf("b.digest"), Is.Zero);
    }

    [Test]
    public void A_copy_in_another_document_is_found_and_forgotten_with_it()
    {
        var index = new DuplicateIndex();
        var a = DigestParser.Parse("Sparse Graph Learning for Point Clouds\n\nWe study sparse graphs.\n", "a.digest");
        var b = DigestParser.Parse("Other Paper Title Here\n\nText.\n\nSparse Graph Learning for Point Clouds\n\nWe study sparse graphs.\n", "b.digest");
        var both = new WorkspaceSnapshot([("a.digest", a), ("b.digest", b)], index);
        Assert.That(both.ProblemsOf("a.digest").Single().Message, Does.Contain("b.digest:5"));
        var alone = new WorkspaceSnapshot([("a.digest", a)], index);
        Assert.That(alone.ProblemsOf("a.digest"), Is.Empty);
        Assert.That(index.PaperCount, Is.EqualTo(1));
    }

    private static List<Entry> MakePool(Random rng, int count)
    {
        var pool = new List<Entry>();
        for (int i = 0; i < count; i++)
        {
            string title = string.Join(' ', Enumerable.Range(0, rng.Next(4, 9)).Select(_ => Vocabulary[rng.Next(Vocabulary.Length)]));
            title = char.ToUpperInvariant(title[0]) + title[1..] + $" {i}x";
            string summary = string.Join(' ', Enumerable.Range(0, 45).Select(_ => Vocabulary[rng.Next(Vocabulary.Length)])) + ".";
            pool.Add(new Entry(title, summary));
            if (rng.Next(4) == 0) pool.Add(Variant(rng, pool[^1]));
        }
        return pool;
    }

    /// <summary>A near copy: one word changed, a truncated title, the words reordered, or the same abstract under another title.</summary>
    private static Entry Variant(Random rng, Entry e)
    {
        var words = e.Title.Split(' ').ToList();
        switch (rng.Next(4))
        {
            case 0: words[rng.Next(words.Count)] = Vocabulary[rng.Next(Vocabulary.Length)]; break;
            case 1: if (words.Count > 5) words.RemoveAt(words.Count - 1); break;
            case 2: words.Reverse(); break;
            default: return e with { Title = "Quite Different Heading " + rng.Next(1000) };
        }
        return e with { Title = string.Join(' ', words) };
    }

    private static string Digest(Random rng, List<Entry> pool, int count)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++) AppendEntry(sb, rng, pool[rng.Next(pool.Count)]);
        return sb.ToString();
    }

    private static void AppendEntry(StringBuilder sb, Random rng, Entry e)
    {
        if (rng.Next(12) == 0) sb.Append("<!-- paperlsp: allow-duplicate -->\n");
        sb.Append(e.Title).Append("\n\n").Append(e.Abstract).Append("\n\n");
    }

    private static void Mutate(Random rng, List<Entry> pool, Dictionary<string, string> texts, Dictionary<string, DigestDocument> docs)
    {
        int what = rng.Next(20);
        if (what == 0 && docs.Count > 1)
        {
            string gone = docs.Keys.Where(k => !k.Contains("big", StringComparison.Ordinal)).OrderBy(_ => rng.Next()).First();
            docs.Remove(gone);
            texts.Remove(gone);
            return;
        }
        if (what == 1)
        {
            string id = $"file:///new{rng.Next(1000)}.digest";
            texts[id] = Digest(rng, pool, rng.Next(1, 10));
            docs[id] = DigestParser.Parse(texts[id], id);
            return;
        }
        string target = docs.Keys.OrderBy(_ => rng.Next()).First();
        var doc = docs[target];
        string text = texts[target];
        if (doc.Papers.Count == 0) return;
        var paper = doc.Papers[rng.Next(doc.Papers.Count)];
        TextChange change;
        string inserted;
        switch (rng.Next(5))
        {
            case 0: // retitle as (a variant of) another paper
                var other = pool[rng.Next(pool.Count)];
                inserted = (rng.Next(2) == 0 ? Variant(rng, other) : other).Title;
                change = new TextChange(paper.TitleSpan.Start, paper.TitleSpan.Length, inserted.Length);
                break;
            case 1: // type a character into the title
                inserted = "q";
                change = new TextChange(paper.TitleSpan.Start + rng.Next(paper.TitleSpan.Length), 0, 1);
                break;
            case 2: // delete the entry
                inserted = "";
                change = new TextChange(paper.Span.Start, Math.Min(paper.Span.Length, text.Length - paper.Span.Start), 0);
                break;
            default: // insert an entry before this one
                var sb = new StringBuilder();
                AppendEntry(sb, rng, pool[rng.Next(pool.Count)]);
                inserted = sb.ToString();
                change = new TextChange(paper.Span.Start, 0, inserted.Length);
                break;
        }
        string next = string.Concat(text.AsSpan(0, change.Start), inserted, text.AsSpan(change.Start + change.OldLength));
        texts[target] = next;
        docs[target] = IncrementalParser.Reparse(doc, next, change, target);
    }

    /// <summary>Every paper's copies (deliberate repeats included) equal its group among all papers of the workspace.</summary>
    private static void CopiesMatchTheBatchGroups(WorkspaceSnapshot snapshot, int step)
    {
        var all = snapshot.Documents.SelectMany(d => d.Document.Papers.Select(p => new PaperRef(d.Id, d.Document, p))).ToList();
        var groupOf = new Dictionary<(string, int), List<PaperRef>>();
        foreach (var group in ExactDuplicates.Groups(all))
            foreach (var copy in group) groupOf[(copy.DocumentId, copy.Paper.Index)] = group;
        foreach (var r in all)
        {
            var want = groupOf.GetValueOrDefault((r.DocumentId, r.Paper.Index)) ?? [];
            var got = snapshot.CopiesOf(r.DocumentId, r.Paper);
            Assert.That(got.Select(c => $"{c.DocumentId}#{c.Paper.Index}"), Is.EqualTo(want.Select(c => $"{c.DocumentId}#{c.Paper.Index}")),
                $"step {step}: copies of {r.DocumentId}#{r.Paper.Index}");
        }
    }

    private static string Render(IEnumerable<Problem> problems) =>
        string.Join("\n", problems.Select(p => $"{p.Code} {p.Span.Start}+{p.Span.Length} {p.Message} [{string.Join("; ", p.RelatedLocations.Select(r => $"{r.DocumentId}@{r.Span.Start}"))}]"));
}
