using System.Text.Json.Nodes;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class SelectionRangeTests
{
    /// <summary>The chain of one position's selection ranges, innermost first, as "l:c-l:c".</summary>
    private static List<string> Chain(JsonNode? range)
    {
        var chain = new List<string>();
        for (; range is not null; range = range["parent"])
        {
            var r = range["range"]!;
            chain.Add($"{r["start"]!["line"]}:{r["start"]!["character"]}-{r["end"]!["line"]}:{r["end"]!["character"]}");
        }
        return chain;
    }

    private static async Task<JsonArray> SelectAsync(string uri, string text, string positions, string capabilities = "{}")
    {
        await using var client = await TestClient.StartAsync(capabilities);
        await client.OpenAsync(uri, text);
        return (await client.RequestAsync("textDocument/selectionRange", $$$"""{"textDocument":{"uri":"{{{uri}}}"},"positions":[{{{positions}}}]}"""))!.AsArray();
    }

    [Test]
    public async Task Spaced_word_sentence_abstract_entry_section_document_for_each_position()
    {
        var cursor = Cursor.Parse("""
            Sep 10

            Alpha: 𝔸 First Paper

            We propose a method. It ru$0ns 5.2x faster.

            Beta: Second Paper

            This paper studies another question.

            """);
        var title = new Cursor(cursor.Text, 2, 10);
        var ranges = await SelectAsync("file:///a.digest", cursor.Text, cursor.Position + "," + title.Position);
        Assert.That(ranges, Has.Count.EqualTo(2));
        Assert.That(Chain(ranges[0]), Is.EqualTo(new[] { "4:24-4:28", "4:21-4:41", "4:0-4:41", "2:0-4:41", "0:0-8:36", "0:0-9:0" }));
        // UTF-16: 𝔸 is two code units, so "First" spans 10-15 and the title ends at 21.
        Assert.That(Chain(ranges[1]), Is.EqualTo(new[] { "2:10-2:15", "2:0-2:21", "2:0-4:41", "0:0-8:36", "0:0-9:0" }));
    }

    [Test]
    public async Task Utf8_positions_are_byte_columns_both_ways()
    {
        const string text = "Alpha: 𝔸 First Paper\nWe propose a method. It works.\n";
        var ranges = await SelectAsync("file:///c.txt", text, """{"line":0,"character":12}""", """{"general":{"positionEncodings":["utf-8"]}}""");
        // Byte 12 is inside "First" (bytes 12-17; 𝔸 takes 4 bytes).
        Assert.That(Chain(ranges[0]), Is.EqualTo(new[] { "0:12-0:17", "0:0-0:23", "0:0-1:30", "0:0-2:0" }));
    }

    [Test]
    public async Task Markdown_note_inside_nested_sections()
    {
        var cursor = Cursor.Parse("""
            # Reading list

            ## Retrieval

            ### Lantern: Retrieval Heads

            We study when a model should stop fetching passages.

            > #toread compare wi$0th our cache policy
            """);
        var ranges = await SelectAsync("file:///list.md", cursor.Text, cursor.Position);
        Assert.That(Chain(ranges[0]), Is.EqualTo(new[] { "8:18-8:22", "8:0-8:39", "4:0-8:39", "2:0-8:39", "0:0-8:39" }));
    }

    [Test]
    public async Task Page_copy_url_line()
    {
        var cursor = Cursor.Parse("""
            [-] 42
            https://hugging$0face.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            Folded attention replaces the quadratic attention matrix. It runs 5.2x faster.
            """);
        var ranges = await SelectAsync("file:///p.papers", cursor.Text, cursor.Position);
        Assert.That(Chain(ranges[0]), Is.EqualTo(new[] { "1:8-1:22", "1:0-1:40", "0:0-3:78" }));
    }
}
