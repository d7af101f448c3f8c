using PaperLsp.Core.Features;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Features;

public class WorkspaceSymbolsTests
{
    private static readonly WorkspaceSnapshot Workspace = new(
    [
        ("file:///w/a.digest", DigestParser.Parse("""
            Graph Transformers at Scale

            We propose a graph transformer that scales. See arXiv:2406.11912.

            Graphormer Revisited: Long Title About Graphs and Many Other Things

            We revisit the model in depth and find issues.
            > #toread #graphs

            Sparse Retrieval Heads

            We study heads that retrieve sparse passages well.
            """, "file:///w/a.digest")),
        ("file:///w/b.md", DigestParser.Parse("""
            ## Graph

            ### Grapheme Tokenizers for Speech

            We introduce grapheme tokenizers for speech recognition systems.

            > #graphs #speech
            """, "file:///w/b.md")),
    ]);

    private static string[] Search(string query, int limit = 200) =>
        WorkspaceSymbols.Search(Workspace, query, limit).Select(m => m.Name).ToArray();

    [Test]
    public void Exact_words_rank_before_prefixes_before_fuzzy_matches()
    {
        Assert.That(Search("graph"), Is.EqualTo(new[]
        {
            "Graph Transformers at Scale",
            "Grapheme Tokenizers for Speech",
            "Graphormer Revisited: Long Title About Graphs and Many Other Things",
        }));
        Assert.That(Search("grtr"), Is.EqualTo(new[] { "Graph Transformers at Scale" }));
        Assert.That(Search("gratok"), Is.EqualTo(new[] { "Grapheme Tokenizers for Speech" }));
        Assert.That(Search("gtas"), Is.EqualTo(new[] { "Graph Transformers at Scale" }), "pieces may skip words");
        Assert.That(Search("rans"), Is.Empty, "a piece starts a word");
        Assert.That(Search("scgr"), Is.Empty, "pieces keep the words' order");
    }

    [Test]
    public void Every_query_word_must_match()
    {
        Assert.That(Search("sparse heads"), Is.EqualTo(new[] { "Sparse Retrieval Heads" }));
        Assert.That(Search("sparse speech"), Is.Empty);
    }

    [Test]
    public void Tags_and_arxiv_ids()
    {
        Assert.That(Search("#graphs"), Is.EqualTo(new[] { "Grapheme Tokenizers for Speech", "Graphormer Revisited: Long Title About Graphs and Many Other Things" }));
        Assert.That(Search("#graphs speech"), Is.EqualTo(new[] { "Grapheme Tokenizers for Speech" }));
        Assert.That(Search("2406.11912"), Is.EqualTo(new[] { "Graph Transformers at Scale" }));
        Assert.That(Search("arXiv:2406.11912v3"), Is.EqualTo(new[] { "Graph Transformers at Scale" }));
        Assert.That(Search("2406.119"), Is.EqualTo(new[] { "Graph Transformers at Scale" }));
    }

    [Test]
    public void An_empty_query_lists_papers_up_to_the_cap()
    {
        Assert.That(Search(""), Has.Length.EqualTo(4));
        Assert.That(Search("", 2), Has.Length.EqualTo(2));
    }

    [Test]
    public void A_one_word_search_that_fills_the_limit_ranks_as_the_full_scan_does()
    {
        // The word-start search is taken only when its matches fill the limit; it must agree with the scan.
        var rng = new Random(3);
        string[] words = ["graph", "graphs", "gra", "sparse", "spar", "scale", "model", "mod", "tokenizers", "neural", "net", "networks"];
        var docs = new List<(string, Model.DigestDocument)>();
        for (int d = 0; d < 20; d++)
        {
            var sb = new System.Text.StringBuilder();
            for (int p = 0; p < 15; p++)
            {
                var title = string.Join(' ', Enumerable.Range(0, rng.Next(2, 7)).Select(_ => words[rng.Next(words.Length)]));
                sb.Append(char.ToUpperInvariant(title[0])).Append(title[1..]).Append($" {d}x{p}\n\nWe study things with a method and report results.\n\n");
            }
            docs.Add(($"file:///w/{d:D2}.digest", DigestParser.Parse(sb.ToString(), $"{d:D2}.digest")));
        }
        var ws = new WorkspaceSnapshot(docs);
        foreach (var q in new[] { "graph", "Gra", "spar", "net", "neural", "mo", "s" })
            foreach (int limit in new[] { 1, 5, 40 })
            {
                var all = WorkspaceSymbols.Search(ws, q, int.MaxValue).Select(m => $"{m.DocumentId}#{m.Paper.Index}:{m.Score}").ToList();
                var fast = WorkspaceSymbols.Search(ws, q, limit).Select(m => $"{m.DocumentId}#{m.Paper.Index}:{m.Score}").ToList();
                Assert.That(all, Has.Count.GreaterThan(limit), $"{q}: the test needs more matches than the limit");
                Assert.That(fast, Is.EqualTo(all.Take(limit)), $"query {q}, limit {limit}");
            }
    }
}
