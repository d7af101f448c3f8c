using System.Text.Json.Nodes;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class FormattingTests
{
    private const string A = "We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.";
    private const string B = "This paper studies another question in depth. We find that the answer depends on scale in a simple way.";
    private const string Options = """{"tabSize":4,"insertSpaces":true}""";

    private static async Task<JsonArray> FormatAsync(TestClient client, string uri) =>
        (await client.RequestAsync("textDocument/formatting", $$"""{"textDocument":{"uri":"{{uri}}"},"options":{{Options}}}"""))!.AsArray();

    [Test]
    public async Task A_compact_digest_formats_to_the_spaced_layout_and_then_stays()
    {
        await using var client = await TestClient.StartAsync();
        string text = $"Alpha: A First Paper  \n{A}\nBeta: A Second Paper\n{B}";
        await client.OpenAsync("file:///w/f.digest", text);
        string formatted = TextEdits.Apply(text, await FormatAsync(client, "file:///w/f.digest"));
        Assert.That(formatted, Is.EqualTo($"Alpha: A First Paper\n\n{A}\n\nBeta: A Second Paper\n\n{B}\n"));

        await client.NotifyAsync("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "file:///w/f.digest", ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = formatted }),
        }.ToJsonString());
        Assert.That(await FormatAsync(client, "file:///w/f.digest"), Is.Empty, "idempotent");
    }

    [Test]
    public async Task Crlf_stays_crlf_and_astral_characters_are_counted_in_utf16()
    {
        await using var client = await TestClient.StartAsync();
        string text = $"Alpha 📜 𝔸: A First Paper   \r\n{A}\r\n";
        await client.OpenAsync("file:///w/f.digest", text);
        var edits = await FormatAsync(client, "file:///w/f.digest");
        Assert.That((int)edits[0]!["range"]!["start"]!["character"]!, Is.EqualTo("Alpha 📜 𝔸: A First Paper".Length));
        Assert.That(TextEdits.Apply(text, edits), Is.EqualTo($"Alpha 📜 𝔸: A First Paper\r\n\r\n{A}\r\n"));
    }

    [Test]
    public async Task Range_formatting_leaves_the_rest_alone()
    {
        await using var client = await TestClient.StartAsync();
        string text = $"Alpha: A First Paper\n{A}\nBeta: A Second Paper\n{B}\n";
        await client.OpenAsync("file:///w/f.digest", text);
        var edits = (await client.RequestAsync("textDocument/rangeFormatting",
            $$"""{"textDocument":{"uri":"file:///w/f.digest"},"range":{{TestClient.Range(2, 0, 3, 5).ToJsonString()}},"options":{{Options}}}"""))!.AsArray();
        Assert.That(TextEdits.Apply(text, edits), Is.EqualTo($"Alpha: A First Paper\n{A}\n\nBeta: A Second Paper\n\n{B}\n"));
    }

    [Test]
    public async Task Markdown_keeps_its_layout()
    {
        await using var client = await TestClient.StartAsync();
        string text = $"# List\n\n### Alpha: A First Paper\n{A}  \nline after a hard break\n\n\n\n### Beta: A Second Paper\n\n{B}";
        await client.OpenAsync("file:///w/l.md", text);
        Assert.That(TextEdits.Apply(text, await FormatAsync(client, "file:///w/l.md")),
            Is.EqualTo($"# List\n\n### Alpha: A First Paper\n{A}  \nline after a hard break\n\n### Beta: A Second Paper\n\n{B}\n"));
    }
}
