using System.Text.Json.Nodes;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class DocumentHighlightTests
{
    private static async Task<JsonNode?> HighlightAsync(string uri, Cursor cursor, string capabilities = "{}")
    {
        await using var client = await TestClient.StartAsync(capabilities);
        await client.OpenAsync(uri, cursor.Text);
        return await client.RequestAsync("textDocument/documentHighlight", $$$"""{"textDocument":{"uri":"{{{uri}}}"},"position":{{{cursor.Position}}}}""");
    }

    private static string[] Ranges(JsonNode? highlights) =>
        highlights!.AsArray().Select(h => $"{h!["range"]!["start"]!["line"]}:{h["range"]!["start"]!["character"]}-{h["range"]!["end"]!["line"]}:{h["range"]!["end"]!["character"]} kind {h["kind"]}").ToArray();

    private const string Spaced = """
        Alpha: 𝔸 First Paper

        We build on arXiv:2406.11912. Code: https://github.com/lab/alpha and https://huggingface.co/papers/2406.11912.

        Beta: Second Paper

        We extend 2406.11912v3 with https://github.com/Lab/Alpha/tree/main.
        """;

    [Test]
    public async Task An_arxiv_id_highlights_each_mention_as_text()
    {
        var highlights = await HighlightAsync("file:///a.digest", Cursor.Parse(Spaced.Replace("extend 2406", "extend 24$006", StringComparison.Ordinal)));
        Assert.That(Ranges(highlights), Is.EqualTo(new[] { "2:18-2:28 kind 1", "2:99-2:109 kind 1", "6:10-6:22 kind 1" }));
    }

    [Test]
    public async Task A_repository_url_highlights_links_to_the_same_repository_in_utf8_columns()
    {
        var cursor = Cursor.Parse(Spaced.Replace("https://github.com/lab/alpha", "https://github.com/lab/al$0pha", StringComparison.Ordinal));
        var highlights = await HighlightAsync("file:///a.digest", cursor, """{"general":{"positionEncodings":["utf-8"]}}""");
        Assert.That(Ranges(highlights), Is.EqualTo(new[] { "2:36-2:64 kind 1", "6:28-6:66 kind 1" }));
    }

    [Test]
    public async Task Nothing_to_highlight_answers_null()
    {
        var highlights = await HighlightAsync("file:///a.digest", Cursor.Parse(Spaced.Replace("We build", "We bu$0ild", StringComparison.Ordinal)));
        Assert.That(highlights, Is.Null);
    }

    [Test]
    public async Task Markdown_and_compact_titles_highlight_their_copies()
    {
        var md = await HighlightAsync("file:///list.md", Cursor.Parse("""
            ## Retrieval

            ### Lan$0tern: Retrieval Heads

            We study when a model should stop fetching passages.

            ## Agents

            ### Lantern: Retrieval Heads

            The same paper again.
            """));
        Assert.That(Ranges(md), Is.EqualTo(new[] { "2:4-2:28 kind 1", "8:4-8:28 kind 1" }));
        var compact = await HighlightAsync("file:///c.txt", Cursor.Parse("Alpha: First\nWe propose a method. It works.\nBeta: Second\nWe study it.\nAl$0pha: First\nWe propose a method again.\n"));
        Assert.That(Ranges(compact), Is.EqualTo(new[] { "0:0-0:12 kind 1", "4:0-4:12 kind 1" }));
    }

    [Test]
    public async Task Seed_repository_url_highlights_its_own_line()
    {
        string text = Seeds.Read(Seeds.Compact);
        int at = text.IndexOf("github.com/", StringComparison.Ordinal);
        if (at < 0) Assert.Inconclusive("the seed has no repository link");
        int line = text[..at].Count(c => c == '\n');
        var cursor = new Cursor(text, line, at - (text.LastIndexOf('\n', at) + 1));
        var highlights = await HighlightAsync("file:///seed-004.txt", cursor);
        Assert.That(Ranges(highlights), Has.Some.StartsWith($"{line}:"));
    }
}
