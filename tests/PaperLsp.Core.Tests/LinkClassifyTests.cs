using PaperLsp.Core.Facts;
using PaperLsp.Core.Tests.Support;

namespace PaperLsp.Core.Tests;

/// <summary>Links read without <see cref="Uri"/> must be classified exactly as <see cref="Uri"/> reads them.</summary>
public class LinkClassifyTests
{
    private static readonly string[] Hosts =
        ["github.com", "GitHub.com", "www.github.com", "gitlab.com", "arxiv.org", "huggingface.co", "lab.github.io", "x.pages.dev",
         "example.org", "github.com.", "git hub.com", "github.com:443", "user@github.com", "xn--bcher-kva.ch", "bücher.ch", "a..b", "", "-x.com", "github_com"];
    private static readonly string[] Paths =
        ["", "/", "/o", "/o/r", "/o/r/", "//o//r", "/papers/2401.00001", "/pdf/2401.00001", "/x.PDF", "/a/./b", "/a/../b", "/o/r%20x",
         "/o/r?tab=readme", "/o/r#top", "?q=1", "#frag", "/o/r)", "/o/r'", "/o/{r}", "/o/r|x", "/o/r\\x", "/~u/p", "/a:b@c", "/ü", "/o/r;x=1"];

    [Test]
    public void The_fast_reading_agrees_with_Uri_on_every_combination()
    {
        foreach (var scheme in new[] { "https://", "http://", "HTTPS://", "ftp://" })
            foreach (var host in Hosts)
                foreach (var path in Paths)
                {
                    string url = scheme + host + path;
                    Assert.That(LinkExtractor.Classify(url), Is.EqualTo(LinkExtractor.ClassifyWithUri(url)), url);
                }
    }

    [TestCase(Seeds.Spaced)]
    [TestCase(Seeds.Compact)]
    public void The_fast_reading_agrees_with_Uri_on_the_links_of_the_seeds(string seed)
    {
        string text = Seeds.Read(seed);
        int links = 0;
        foreach (var link in LinkExtractor.Find(text, new Core.Text.TextSpan(0, text.Length)))
        {
            links++;
            Assert.That(LinkExtractor.Classify(link.Target), Is.EqualTo(LinkExtractor.ClassifyWithUri(link.Target)), link.Target);
        }
        Assert.That(links, Is.GreaterThan(10));
    }
}
