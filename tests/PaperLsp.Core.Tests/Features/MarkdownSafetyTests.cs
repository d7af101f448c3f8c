using System.Net;
using System.Text.RegularExpressions;
using Markdig;
using PaperLsp.Core.Features;

namespace PaperLsp.Core.Tests.Features;

/// <summary>Digest text in hover Markdown renders as itself: checked by rendering it with a real Markdown engine.</summary>
public class MarkdownSafetyTests
{
    // Every extension a client might enable: autolinks, tables, emphasis extras, HTML.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseAutoLinks().Build();

    public static readonly string[] Hostile =
    [
        "[x](command:workbench.action.terminal.new)",
        "<img src=x onerror=alert(1)>",
        "<script>alert(1)</script>",
        "`code` and ``double`` and ```fence",
        "javascript:alert(1)",
        "](javascript:alert(1))",
        "![img](https://evil.example/x.png)",
        "<https://evil.example>",
        "https://evil.example/autolink and www.evil.example",
        "&lt;img src=x&gt; &#60;b&#62;",
        "# heading\n---\n> quote\n- item",
        "*emph* _emph_ **bold** ~~strike~~ | table | cell |",
        "\\[escaped\\](x) trailing backslash \\",
        "mail@evil.example [ref]: https://evil.example",
        "{{template}} $math$ <!-- comment -->",
        "bidi \u202Eevil\u202C and control \u0007 chars",
        "1. list - item",
        "- item at the start",
        "=== underline",
        "see www.evil.example/x. and 12. ok",
        "3.1x faster, 76.2% on ImageNet; 2502.01234",
    ];

    [TestCaseSource(nameof(Hostile))]
    public void Escaped_text_renders_literally_and_nothing_else(string text)
    {
        string html = Markdown.ToHtml(MarkdownText.Escape(text), Pipeline);
        Assert.That(html, Does.Not.Contain("<a").And.Not.Contain("<img").And.Not.Contain("<script").And.Not.Contain("<code")
            .And.Not.Contain("<em").And.Not.Contain("<strong").And.Not.Contain("<h1").And.Not.Contain("<h2").And.Not.Contain("<li").And.Not.Contain("<hr")
            .And.Not.Contain("<blockquote").And.Not.Contain("<!--").And.Not.Contain("<table"));
        string shown = WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", "")).Trim();
        string expected = Regex.Replace(text, "[\\p{Cc}\u202A-\u202E]", " ").Trim();
        Assert.That(Collapse(shown), Is.EqualTo(Collapse(expected)));
    }

    private static string Collapse(string s) => Regex.Replace(s, "\\s+", " ");

    [TestCase("javascript:alert(1)")]
    [TestCase("command:workbench.action.terminal.new")]
    [TestCase("file:///etc/passwd")]
    [TestCase("data:text/html,<script>alert(1)</script>")]
    [TestCase("vscode://settings")]
    [TestCase("//evil.example/x")]
    [TestCase("https://")]
    [TestCase("")]
    public void Only_http_urls_are_ever_linked(string url)
    {
        Assert.That(SafeUrl.Http(url), Is.Null);
        string html = Markdown.ToHtml(MarkdownText.Link("label", url), Pipeline);
        Assert.That(html, Does.Not.Contain("<a"));
    }

    [TestCase("https://github.com/o/r", "https://github.com/o/r")]
    [TestCase("https://x.example/a)](javascript:alert(1)", "https://x.example/a%29%5D%28javascript:alert%281%29")]
    [TestCase("https://x.example/<b> c", "https://x.example/%3Cb%3E%20c")]
    [TestCase("https://x.example/é", "https://x.example/%C3%A9")]
    [TestCase("HTTP://X.example/Path?q=1&r=2#f", "HTTP://X.example/Path?q=1&r=2#f")]
    public void Safe_urls_encode_what_could_break_out(string url, string expected) =>
        Assert.That(SafeUrl.Http(url), Is.EqualTo(expected));

    [Test]
    public void A_link_renders_as_one_anchor_to_the_encoded_url()
    {
        string html = Markdown.ToHtml(MarkdownText.Link("see [here](command:x)", "https://x.example/a)](javascript:alert(1)"), Pipeline);
        var hrefs = Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.That(hrefs, Is.EqualTo(new[] { "https://x.example/a%29%5D%28javascript:alert%281%29" }));
        Assert.That(html, Does.Contain(">see [here](command:x)</a>"));
    }

    [Test]
    public void Plain_text_keeps_the_characters_but_not_controls() =>
        Assert.That(MarkdownText.Plain("a\u0007b\u202Ec [x](y)"), Is.EqualTo("a b c [x](y)"));
}

public class HostileHoverTests
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().UseAutoLinks().Build();

    [Test]
    public void A_hostile_entry_renders_no_html_and_links_only_to_its_cleaned_http_targets()
    {
        const string text = """
            [x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `rm -rf` ](javascript:alert(1)) $0

            We propose <script>alert(1)</script> and [click](javascript:alert(1)) ![i](https://evil.example/i.png). It achieves 99.9% on <b>COCO</b>. Code: https://github.com/o/r)](javascript:alert(1)) and https://x.example/<img>.
            """;
        var f = Support.Fixture.Parse(text);
        var doc = Syntax.DigestParser.Parse(f.Text, "a.digest");
        var hover = Hover.At(new Workspace.WorkspaceSnapshot([("a.digest", doc)]), "a.digest", f.Cursor, HoverFormat.Markdown)!;
        string html = Markdown.ToHtml(hover.Text, Pipeline);
        Assert.That(html, Does.Not.Contain("<img").And.Not.Contain("<script").And.Not.Contain("<b>").And.Not.Contain("<code"));
        var hrefs = Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.That(hrefs, Is.Not.Empty);
        Assert.That(hrefs, Has.All.StartWith("https://"));
        Assert.That(hrefs, Has.None.Contains("javascript:alert(").And.None.Contains("command:").And.None.Contains("<"));
        string shown = WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", ""));
        Assert.That(shown, Does.Contain("[x](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> `rm -rf` ](javascript:alert(1))"));
    }
}
