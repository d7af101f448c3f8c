using System.Text.Json.Nodes;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class HoverTests
{
    private static string Params(string uri, Cursor c) => $$"""{"textDocument":{"uri":"{{uri}}"},"position":{{c.Position}}}""";

    private static async Task<JsonNode?> HoverAsync(string fixture, string uri = "file:///w/a.digest", string capabilities = Dialects.Capabilities)
    {
        var c = Cursor.Parse(fixture);
        await using var client = await TestClient.StartAsync(capabilities);
        await client.OpenAsync(uri, c.Text);
        return await client.RequestAsync("textDocument/hover", Params(uri, c));
    }

    [TestCaseSource(typeof(Dialects), nameof(Dialects.Names))]
    public async Task On_a_title_in_every_dialect(string dialect)
    {
        var (uri, fixture) = Dialects.Get(dialect);
        var hover = (await HoverAsync(fixture, uri))!;
        Assert.That((string?)hover["contents"]!["kind"], Is.EqualTo("markdown"));
        string value = (string)hover["contents"]!["value"]!;
        Assert.That(value, Does.StartWith("**Fold\\: Tiny Heads**\n\n**TL;DR\\:** We propose Fold, which merges attention heads while training."));
        Assert.That(value, Does.Contain("**Key figures\\:** 3.1x faster · 76.2% on ImageNet"));
        Assert.That(value, Does.Contain("- Repository\\: [github.com/lab/fold](<https://github.com/lab/fold>)"));
        int line = Cursor.Parse(fixture).Line;
        Assert.That((int)hover["range"]!["start"]!["line"]!, Is.EqualTo(line));
        Assert.That((int)hover["range"]!["end"]!["character"]! - (int)hover["range"]!["start"]!["character"]!, Is.EqualTo(Dialects.Title.Length));
    }

    [Test]
    public async Task Page_copy_metadata_and_markdown_links_appear()
    {
        string page = (string)(await HoverAsync(Dialects.Get("page-copy").Fixture, "file:///w/page.papers"))!["contents"]!["value"]!;
        Assert.That(page, Does.Contain("Feb 7, 2025 · 19 votes · 6 authors"));
        Assert.That(page, Does.Contain("- arXiv\\: [2502.01234](<https://arxiv.org/abs/2502.01234>)"));
        string md = (string)(await HoverAsync(Dialects.Get("markdown").Fixture, "file:///w/list.md"))!["contents"]!["value"]!;
        Assert.That(md, Does.Contain("- arXiv\\: [2502.01234](<https://arxiv.org/abs/2502.01234>)\n- Repository\\: "));
    }

    [Test]
    public async Task Plain_text_for_clients_that_do_not_render_markdown()
    {
        var hover = (await HoverAsync(Dialects.Get("spaced").Fixture, capabilities: "{}"))!;
        Assert.That((string?)hover["contents"]!["kind"], Is.EqualTo("plaintext"));
        Assert.That((string)hover["contents"]!["value"]!, Does.StartWith("Fold: Tiny Heads\n\nTL;DR: We propose Fold, which merges"));
        Assert.That((string)hover["contents"]!["value"]!, Does.Contain("- Repository: https://github.com/lab/fold"));
    }

    [Test]
    public async Task On_a_url_shows_the_cleaned_target()
    {
        var hover = (await HoverAsync("""
            A Paper With a Damaged Link

            We propose a thing. Code: https://github.com/o/flan_nas{https://github.com/o/flan\_n$0as}.
            """))!;
        string value = (string)hover["contents"]!["value"]!;
        Assert.That(value, Does.StartWith("**Repository**\\: [https\\://github.com/o/flan\\_nas](<https://github.com/o/flan_nas>)"));
        Assert.That(value, Does.Contain("Repaired copy damage \\(a doubled \\\\href leftover\\)"));
        Assert.That(hover["range"]!.ToJsonString(), Is.EqualTo("""{"start":{"line":2,"character":26},"end":{"line":2,"character":87}}"""));
    }

    [Test]
    public async Task Nothing_in_an_abstract_or_the_header()
    {
        Assert.That(await HoverAsync(Dialects.Get("spaced").Fixture.Replace("$0", "").Replace("merges attention", "merges $0attention")), Is.Null);
        Assert.That(await HoverAsync(Dialects.Get("spaced").Fixture.Replace("$0", "").Replace("Daily Papers", "Daily$0 Papers")), Is.Null);
    }

    [Test]
    public async Task Hostile_titles_are_escaped_over_the_wire()
    {
        var hover = (await HoverAsync("""
            [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `tick` $0

            We propose [run](javascript:alert(1)) <script>alert(1)</script>. See https://x.example/a)](javascript:alert(1)) now.
            """))!;
        string value = (string)hover["contents"]!["value"]!;
        Assert.That(value, Does.StartWith("**\\[x\\]\\(command\\:workbench.action.terminal.new\\) \\<img src=x onerror=alert\\(1\\)\\> \\`tick\\`**"));
        // Every Markdown-significant character from the digest is escaped: none stands bare.
        Assert.That(value, Does.Not.Match(@"(?<!\\)[<>\[\]()`]"));
    }

    [Test]
    public async Task Copies_in_other_open_documents_and_astral_titles()
    {
        const string paper = "𝔸lpha 🚀: Shared Paper\n\nWe introduce a shared method. It achieves 90.5% on COCO.\n";
        var c = Cursor.Parse("Header Line\n\n𝔸lpha 🚀$0: Shared Paper\n\nWe introduce a shared method. It achieves 90.5% on COCO.\n");
        await using var client = await TestClient.StartAsync(Dialects.Capabilities);
        await client.OpenAsync("file:///w/b.digest", c.Text);
        await client.OpenAsync("file:///w/a%20list.digest", "Other Paper Title Here\n\nAn abstract that is long enough to count.\n\n" + paper);
        var hover = (await client.RequestAsync("textDocument/hover", Params("file:///w/b.digest", c)))!;
        Assert.That((string)hover["contents"]!["value"]!, Does.EndWith("Also in a list.digest\\:5"));
        // 𝔸 and 🚀 are two UTF-16 code units each.
        Assert.That(hover["range"]!.ToJsonString(), Is.EqualTo("""{"start":{"line":2,"character":0},"end":{"line":2,"character":23}}"""));
    }

    [Test]
    public async Task Seed_000_title_of_the_paper_with_the_RISurConv_repository()
    {
        var (_, text) = SeedFiles.Read(SeedFiles.Spaced);
        var doc = Core.Syntax.DigestParser.Parse(text, "seed.txt");
        var paper = doc.Papers.Single(p => p.Links.Any(l => l.Target == "https://github.com/cszyzhang/RISurConv"));
        var at = doc.Lines.GetPosition(paper.TitleSpan.Start + 3);
        await using var client = await TestClient.StartAsync(Dialects.Capabilities);
        await client.OpenAsync("file:///seeds/000.txt", text);
        var hover = (await client.RequestAsync("textDocument/hover", Params("file:///seeds/000.txt", new Cursor(text, at.Line, at.Character))))!;
        string value = (string)hover["contents"]!["value"]!;
        Assert.That(value, Does.Contain("(<https://github.com/cszyzhang/RISurConv>)"));
        Assert.That(value, Does.Contain("96.0%").And.Contain("93.1%"));
        TestContext.Out.WriteLine(value);
    }
}
