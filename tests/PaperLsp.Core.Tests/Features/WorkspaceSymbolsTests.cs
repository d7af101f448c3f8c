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
}
