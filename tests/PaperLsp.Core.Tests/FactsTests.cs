using PaperLsp.Core.Facts;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests;

public class FactsTests
{
    [TestCase("Code: https://github.com/antoyang/NAS-Benchmark.", "https://github.com/antoyang/NAS-Benchmark", null)]
    [TestCase("(see https://github.com/o/r), and", "https://github.com/o/r", null)]
    [TestCase("at https://github.com/o/r_x{https://github.com/o/r\\_x}.", "https://github.com/o/r_x", "a doubled \\href leftover")]
    [TestCase("at https://github.com/o/quiet\\_gradients.", "https://github.com/o/quiet_gradients", "LaTeX escapes")]
    [TestCase("[arXiv](https://arxiv.org/abs/2406.11912)", "https://arxiv.org/abs/2406.11912", null)]
    [TestCase("wiki https://en.wikipedia.org/wiki/Foo_(bar).", "https://en.wikipedia.org/wiki/Foo_(bar)", null)]
    public void Links_are_cleaned_of_copy_damage(string text, string target, string? damage)
    {
        var link = LinkExtractor.Find(text, new TextSpan(0, text.Length)).Single();
        Assert.That(link.Target, Is.EqualTo(target));
        Assert.That(link.Damage, Is.EqualTo(damage));
    }

    [TestCase("https://github.com/o/r", "https://github.com/o/r", null)]
    [TestCase("https://en.wikipedia.org/wiki/Foo_(bar)", "https://en.wikipedia.org/wiki/Foo_(bar)", null)] // clean: nothing trimmed
    [TestCase("https://github.com/o/r_x{https://github.com/o/r\\_x}", "https://github.com/o/r_x", "a doubled \\href leftover")]
    [TestCase("https://github.com/o/a\\_b\\%c.)", "https://github.com/o/a_b%c", "LaTeX escapes")]
    [TestCase("https://github.com/o/a\\_b{https://x.org/a\\_b}", "https://github.com/o/a_b", "a doubled \\href leftover and LaTeX escapes")]
    public void A_raw_link_is_cleaned_only_where_damaged(string raw, string target, string? damage) =>
        Assert.That(LinkExtractor.Clean(raw), Is.EqualTo((target, damage)));

    [Test]
    public void Only_http_links_are_found()
    {
        const string text = "javascript:alert(1) ftp://x.org/y file:///etc/passwd xhttps://no";
        Assert.That(LinkExtractor.Find(text, new TextSpan(0, text.Length)), Is.Empty);
    }

    [TestCase("https://github.com/o/r", LinkKind.Repository)]
    [TestCase("https://github.com/o", LinkKind.Other)]
    [TestCase("https://o.github.io/project", LinkKind.ProjectPage)]
    [TestCase("https://arxiv.org/abs/2406.11912", LinkKind.PaperPage)]
    [TestCase("https://arxiv.org/pdf/2406.11912v2", LinkKind.Pdf)]
    [TestCase("https://huggingface.co/papers/2406.11912", LinkKind.PaperPage)]
    public void Links_are_classified(string url, LinkKind kind) =>
        Assert.That(LinkExtractor.Classify(url), Is.EqualTo(kind));

    [TestCase("https://arxiv.org/abs/2406.11912v2", "2406.11912")]
    [TestCase("see arXiv:2406.11912 for details", "2406.11912")]
    [TestCase("https://huggingface.co/papers/2410.05434", "2410.05434")]
    [TestCase("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001")]
    [TestCase("https://arxiv.org/abs/12345.678", null)]
    [TestCase("no id here 2406.11912", null)]
    public void ArXiv_ids_are_found_and_versions_dropped(string text, string? id) =>
        Assert.That(ArxivId.Find(text), Is.EqualTo(id));

    [TestCase("Homogenized $\\textit{C. elegans}$ Neural Data", "Homogenized C. Elegans Neural Data")]
    [TestCase("Ｆｕｌｌｗｉｄｔｈ Title", "Fullwidth title")]
    [TestCase("A Title: With, Punctuation!", "a title with punctuation")]
    public void Title_keys_ignore_case_width_latex_and_punctuation(string a, string b) =>
        Assert.That(TitleKey.Of(a), Is.EqualTo(TitleKey.Of(b)));

    [Test]
    public void Title_keys_keep_distinct_titles_apart() =>
        Assert.That(TitleKey.Of("Graph Neural Networks"), Is.Not.EqualTo(TitleKey.Of("Graph Neural Network")));
}
