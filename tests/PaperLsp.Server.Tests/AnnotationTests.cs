using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

/// <summary>Notes, tags and statuses in the editor: '#' completion and status inlay hints (issue 6).</summary>
public class AnnotationTests
{
    private const string Text = "Graph Paper 𝔸\n\nWe study graphs with a method and results.\n> #graphs #read\n\nKernel Paper\n\nWe study kernels with a method.\n> #\n";

    [Test]
    public async Task Hash_in_a_note_completes_the_workspace_tags_with_a_text_edit()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///a.digest", Text);
        await client.OpenAsync("file:///b.digest", "Other Paper\n\nAbout graphs and more with a method.\n> #graphs #later\n");
        var list = (await client.RequestAsync("textDocument/completion", """{"textDocument":{"uri":"file:///a.digest"},"position":{"line":8,"character":3},"context":{"triggerKind":2,"triggerCharacter":"#"}}"""))!;
        var items = list["items"]!.AsArray();
        Assert.That(items.Select(i => (string)i!["label"]!), Is.EqualTo(new[] { "#graphs", "#later", "#read", "#reading", "#skip", "#toread" }));
        Assert.That((string)items[0]!["detail"]!, Is.EqualTo("tag · 2 papers"));
        Assert.That((string)items[2]!["detail"]!, Is.EqualTo("reading status · 1 paper"));
        Assert.That(items[0]!["textEdit"]!.ToJsonString(), Is.EqualTo("""{"range":{"start":{"line":8,"character":2},"end":{"line":8,"character":3}},"newText":"#graphs"}"""));
        var none = await client.RequestAsync("textDocument/completion", """{"textDocument":{"uri":"file:///a.digest"},"position":{"line":2,"character":5}}""");
        Assert.That(none, Is.Null);
    }

    [Test]
    public async Task A_status_shows_after_the_title_in_utf16_columns()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///a.digest", Text);
        var hints = (await client.RequestAsync("textDocument/inlayHint", """{"textDocument":{"uri":"file:///a.digest"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}}}"""))!.AsArray();
        Assert.That(hints, Has.Count.EqualTo(1));
        Assert.That(hints[0]!.ToJsonString(), Is.EqualTo("""{"position":{"line":0,"character":14},"label":"\u00B7 read \u2713","tooltip":"Reading status, from the #read note under this paper","paddingLeft":true}"""));
        var outside = (await client.RequestAsync("textDocument/inlayHint", """{"textDocument":{"uri":"file:///a.digest"},"range":{"start":{"line":4,"character":0},"end":{"line":9,"character":0}}}"""))!.AsArray();
        Assert.That(outside, Is.Empty);
    }
}
