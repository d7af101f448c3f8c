using System.Text.Json.Nodes;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class TextSyncTests
{
    private const string Abstract = "We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.";

    private static string[] Codes(JsonNode diagnostics) =>
        diagnostics["diagnostics"]!.AsArray().Select(d => (string)d!["code"]!).ToArray();

    [Test]
    public async Task Open_pushes_diagnostics_with_the_version()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///a.digest", $"Alpha: First\n{Abstract}\nOrphan Title\n", version: 7);
        var d = await client.DiagnosticsAsync("file:///a.digest");
        Assert.That((int?)d["version"], Is.EqualTo(7));
        Assert.That(Codes(d), Is.EqualTo(new[] { "PD004" }));
        var diag = d["diagnostics"]![0]!;
        Assert.That(diag["range"]!.ToJsonString(), Is.EqualTo("""{"start":{"line":2,"character":0},"end":{"line":2,"character":12}}"""));
        Assert.That((int?)diag["severity"], Is.EqualTo(2));
        Assert.That((string?)diag["source"], Is.EqualTo("paperlsp"));
        Assert.That((string?)diag["codeDescription"]!["href"], Does.EndWith("#pd004"));
    }

    [Test]
    public async Task An_incremental_edit_at_the_cursor_updates_the_diagnostics()
    {
        var fixture = Cursor.Parse($"Alpha: First\n{Abstract}\n$0Orphan Title\n");
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///a.digest", fixture.Text);
        await client.DiagnosticsAsync("file:///a.digest", d => Codes(d).SequenceEqual(["PD004"]));
        // Giving the orphan an abstract clears its warning.
        await client.ChangeAsync("file:///a.digest", 2, fixture.Line + 1, 0, fixture.Line + 1, 0, Abstract + "\n");
        var d = await client.DiagnosticsAsync("file:///a.digest", d => (int?)d["version"] == 2);
        Assert.That(Codes(d), Is.Empty);
    }

    [Test]
    public async Task Several_changes_in_one_notification_apply_in_order_with_crlf_text()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///a.digest", $"Alpha: First\r\n{Abstract}\r\n");
        await client.NotifyAsync("textDocument/didChange", $$$"""
            {"textDocument":{"uri":"file:///a.digest","version":2},"contentChanges":[
              {"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":5}},"text":"Omega"},
              {"range":{"start":{"line":2,"character":0},"end":{"line":2,"character":0}},"text":"Beta: Second\r\n{{{Abstract}}}\r\n"}]}
            """);
        var symbols = await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}""");
        Assert.That(symbols!.AsArray().Select(s => (string)s!["name"]!), Is.EqualTo(new[] { "Omega: First", "Beta: Second" }));
        Assert.That(symbols[1]!["selectionRange"]!.ToJsonString(), Is.EqualTo("""{"start":{"line":2,"character":0},"end":{"line":2,"character":12}}"""));
    }

    [Test]
    public async Task A_full_text_change_replaces_the_document()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///a.digest", $"Alpha: First\n{Abstract}\n");
        await client.NotifyAsync("textDocument/didChange", """{"textDocument":{"uri":"file:///a.digest","version":2},"contentChanges":[{"text":"Zeta: Last\n""" + Abstract + "\\n\"}]}");
        var symbols = await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}""");
        Assert.That((string?)symbols![0]!["name"], Is.EqualTo("Zeta: Last"));
    }

    // Over the 64 KiB from which the reader decodes a document's text straight from the message body;
    // the test client escapes every non-ASCII character as \uXXXX, emoji as surrogate pairs.
    private static string Large(string title, int entries)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < entries; i++) text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{title} {i}: Über 😀 \"x\" \\ y\r\n{Abstract}\r\n\r\n");
        return text.ToString();
    }

    [Test]
    public async Task A_large_document_with_multibyte_text_and_crlf_opens_whole()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///big.digest", Large("Alpha", 1000));
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///big.digest"}}"""))!.AsArray();
        Assert.That(symbols, Has.Count.EqualTo(1000));
        Assert.That((string?)symbols[999]!["name"], Is.EqualTo("Alpha 999: Über 😀 \"x\" \\ y"));
        Assert.That(symbols[999]!["selectionRange"]!.ToJsonString(), Is.EqualTo("""{"start":{"line":2997,"character":0},"end":{"line":2997,"character":26}}"""));
    }

    [Test]
    public async Task A_large_full_text_change_replaces_the_document()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///big.digest", Large("Alpha", 1000));
        await client.NotifyAsync("textDocument/didChange", System.Text.Json.JsonSerializer.Serialize(new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "file:///big.digest", ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = Large("Omega", 900) }),
        }));
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///big.digest"}}"""))!.AsArray();
        Assert.That(symbols, Has.Count.EqualTo(900));
        Assert.That((string?)symbols[899]!["name"], Is.EqualTo("Omega 899: Über 😀 \"x\" \\ y"));
    }

    [Test]
    public async Task A_change_to_an_unopened_document_is_ignored_and_the_server_keeps_serving()
    {
        await using var client = await TestClient.StartAsync();
        await client.ChangeAsync("file:///never-opened.digest", 2, 0, 0, 0, 0, "x");
        await client.NotifyAsync("textDocument/didChange", """{"textDocument":"wrong type"}""");
        Assert.That(await client.ErrorCodeAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///never-opened.digest"}}"""), Is.EqualTo(-32602));
        await client.OpenAsync("file:///a.digest", $"Alpha: First\n{Abstract}\n");
        var symbols = await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}""");
        Assert.That(symbols!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Closing_a_document_clears_its_diagnostics_and_its_twins_duplicate()
    {
        string text = $"Alpha: First\n{Abstract}\n";
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///a.digest", text);
        await client.OpenAsync("file:///b.digest", text);
        var b = await client.DiagnosticsAsync("file:///b.digest", d => Codes(d).Contains("PD001"));
        Assert.That((string?)b["diagnostics"]![0]!["message"], Does.Contain("also at a.digest:1"));
        Assert.That((string?)b["diagnostics"]![0]!["relatedInformation"]![0]!["location"]!["uri"], Is.EqualTo("file:///a.digest"));
        await client.NotifyAsync("textDocument/didClose", """{"textDocument":{"uri":"file:///a.digest"}}""");
        await client.DiagnosticsAsync("file:///a.digest", d => d["diagnostics"]!.AsArray().Count == 0);
        await client.DiagnosticsAsync("file:///b.digest", d => Codes(d).Length == 0);
    }
}
