using System.Text.Json;

namespace PaperLsp.Cli.Tests;

public class OutlineCommandTests
{
    [Test]
    public void Outline_lists_sections_papers_ids_and_links()
    {
        using var dir = new TempFolder();
        string file = dir.Write("a.digest", """
            Sep 10

            Alpha: A First Paper

            We propose a method. It is described at https://github.com/o/alpha. See arXiv:2406.11912v3 for more.
            """);
        var r = CliRunner.Run("outline", file);
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Stdout, Is.EqualTo("# Sep 10\n  3: Alpha: A First Paper [arXiv:2406.11912]\n      repository: https://github.com/o/alpha\n"));

        var json = JsonDocument.Parse(CliRunner.Run("outline", file, "--format=json").Stdout).RootElement;
        var paper = json.GetProperty("papers")[0];
        Assert.That(paper.GetProperty("title").GetString(), Is.EqualTo("Alpha: A First Paper"));
        Assert.That(paper.GetProperty("section").GetString(), Is.EqualTo("Sep 10"));
        Assert.That(paper.GetProperty("arxivId").GetString(), Is.EqualTo("2406.11912"));
        Assert.That(paper.GetProperty("links")[0].GetProperty("target").GetString(), Is.EqualTo("https://github.com/o/alpha"));
        Assert.That(json.GetProperty("sections")[0].GetProperty("kind").GetString(), Is.EqualTo("date"));
    }
}
