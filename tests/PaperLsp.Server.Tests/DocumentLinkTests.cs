using System.Text.Json.Nodes;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class DocumentLinkTests
{
    private static async Task<JsonArray> LinksAsync(string uri, string text)
    {
        await using var client = await TestClient.StartAsync(Dialects.Capabilities);
        await client.OpenAsync(uri, text);
        return (await client.RequestAsync("textDocument/documentLink", $$$"""{"textDocument":{"uri":"{{{uri}}}"}}"""))!.AsArray();
    }

    /// <summary>Each link as "the text its range covers -> target".</summary>
    private static string[] Render(JsonArray links, string text)
    {
        var lines = text.Split('\n');
        return links.Select(l =>
        {
            var r = l!["range"]!;
            Assert.That((int)r["start"]!["line"]!, Is.EqualTo((int)r["end"]!["line"]!));
            string line = lines[(int)r["start"]!["line"]!];
            return $"{line[(int)r["start"]!["character"]!..(int)r["end"]!["character"]!]} -> {(string)l["target"]!}";
        }).ToArray();
    }

    [TestCaseSource(typeof(Dialects), nameof(Dialects.Names))]
    public async Task Every_url_in_every_dialect(string dialect)
    {
        var (uri, fixture) = Dialects.Get(dialect);
        string text = Cursor.Parse(fixture).Text;
        var expected = dialect switch
        {
            "page-copy" => new[]
            {
                "https://huggingface.co/papers/2502.01234 -> https://huggingface.co/papers/2502.01234",
                "https://huggingface.co/papers/2502.01234#authors -> https://huggingface.co/papers/2502.01234#authors",
                "https://github.com/lab/fold -> https://github.com/lab/fold",
                "https://huggingface.co/papers/2502.04321 -> https://huggingface.co/papers/2502.04321",
            },
            "markdown" => ["https://arxiv.org/abs/2502.01234 -> https://arxiv.org/abs/2502.01234", "https://github.com/lab/fold -> https://github.com/lab/fold"],
            _ => ["https://github.com/lab/fold -> https://github.com/lab/fold"],
        };
        Assert.That(Render(await LinksAsync(uri, text), text), Is.EqualTo(expected));
    }

    [Test]
    public async Task Links_only_to_http_and_with_a_tooltip()
    {
        const string text = "Title of a Paper\n\nWe propose javascript:alert(1) and file:///etc/passwd and https://github.com/o/r_x{https://github.com/o/r\\_x}.\n";
        var links = await LinksAsync("file:///w/a.digest", text);
        Assert.That(Render(links, text), Is.EqualTo(new[] { "https://github.com/o/r_x{https://github.com/o/r\\_x} -> https://github.com/o/r_x" }));
        Assert.That((string?)links[0]!["tooltip"], Is.EqualTo("Open the repository (repaired: a doubled \\href leftover)"));
    }

    [Test]
    public async Task Seed_004_damaged_links_resolve_to_their_clean_targets()
    {
        var (_, text) = SeedFiles.Read(SeedFiles.Compact);
        var links = await LinksAsync("file:///seeds/004.txt", text);
        var rendered = Render(links, text.Replace("\r\n", "\n"));
        Assert.That(rendered, Does.Contain("https://github.com/antoyang/NAS-Benchmark -> https://github.com/antoyang/NAS-Benchmark"));
        Assert.That(rendered, Does.Contain("https://github.com/abdelfattah-lab/flan_nas{https://github.com/abdelfattah-lab/flan\\_nas} -> https://github.com/abdelfattah-lab/flan_nas"));
        Assert.That(links.Select(l => (string)l!["target"]!), Has.All.StartWith("http"));
    }
}
