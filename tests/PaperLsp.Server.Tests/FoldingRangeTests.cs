using System.Text.Json.Nodes;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class FoldingRangeTests
{
    private static async Task<JsonArray> FoldAsync(string uri, string text, string capabilities = """{"textDocument":{"foldingRange":{"lineFoldingOnly":true}}}""")
    {
        await using var client = await TestClient.StartAsync(capabilities);
        await client.OpenAsync(uri, text);
        return (await client.RequestAsync("textDocument/foldingRange", $$$"""{"textDocument":{"uri":"{{{uri}}}"}}"""))!.AsArray();
    }

    [Test]
    public async Task Spaced_page_copy_folds_header_section_and_entry_bodies_as_whole_lines()
    {
        var folds = await FoldAsync("file:///a.digest", """
            Get trending papers in your email inbox!

            Subscribe

            Sep 10

            Alpha: 𝔸 First Paper

            We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.

            Beta: Second Paper

            This paper studies another question in depth.
            > #toread
            > #graphs skim it
            """);
        Assert.That(folds.ToJsonString(), Is.EqualTo("""
            [{"startLine":0,"endLine":2,"kind":"imports"},{"startLine":4,"endLine":14,"kind":"region"},{"startLine":6,"endLine":8},{"startLine":10,"endLine":14},{"startLine":13,"endLine":14,"kind":"comment"}]
            """));
    }

    [Test]
    public async Task Compact_and_page_copy_entries_fold_without_characters_even_for_clients_that_accept_them()
    {
        var compact = await FoldAsync("file:///c.txt", "Alpha: First\nWe propose a method. It works well.\nBeta: Second\nWe study a question. We answer it.\n", "{}");
        Assert.That(compact.ToJsonString(), Is.EqualTo("""[{"startLine":0,"endLine":1},{"startLine":2,"endLine":3}]"""));
        var page = await FoldAsync("file:///p.papers", """
            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            5 authors
            Feb 7, 2025
            Folded attention replaces the quadratic attention matrix with a tree of summaries. It runs 5.2x faster.
            12 comments
            """);
        Assert.That(page.ToJsonString(), Is.EqualTo("""[{"startLine":2,"endLine":6}]"""));
    }

    [Test]
    public async Task Markdown_topics_nest()
    {
        var folds = await FoldAsync("file:///list.md", """
            # Reading list

            ## Retrieval

            ### Lantern: Retrieval Heads

            We study when a model should stop fetching passages.

            ## Agents

            ### Toolsmith: Agents That Write Tools

            Agents are limited by the tools they are given.
            """);
        Assert.That(folds.Select(f => $"{f!["startLine"]}-{f["endLine"]}"), Is.EqualTo(new[] { "0-12", "2-6", "4-6", "8-12", "10-12" }));
    }

    [Test]
    public async Task Seed_folds_every_paper()
    {
        string text = Seeds.Read(Seeds.Spaced);
        var folds = await FoldAsync("file:///seed-000.txt", text);
        Assert.That(folds.Count(f => f!["kind"] is null), Is.EqualTo(113));
        Assert.That(folds.All(f => (int)f!["endLine"]! > (int)f["startLine"]! && f["startCharacter"] is null));
    }
}
