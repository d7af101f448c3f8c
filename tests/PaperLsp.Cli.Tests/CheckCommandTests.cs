using System.Text.Json;

namespace PaperLsp.Cli.Tests;

public class CheckCommandTests
{
    private const string Digest = """
        Alpha: A First Paper

        We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.

        """;

    [Test]
    public void Seeds_report_the_13_shared_papers_as_PD001_with_the_other_files_location()
    {
        string seeds = CliRunner.SeedsFolder;
        var r = CliRunner.Run("check", seeds);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var dups = lines.Where(l => l.Contains(": warning PD001: ")).ToList();

        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(dups, Has.Count.EqualTo(26));
        Assert.That(dups.Count(l => l.Contains("000_28557f506f1a8781.txt:") && l.Contains("also at " + seeds + "/004_2519e4a23e4788df.txt:")), Is.EqualTo(13));
        Assert.That(dups.Count(l => l.Contains("004_2519e4a23e4788df.txt:") && l.Contains("also at " + seeds + "/000_28557f506f1a8781.txt:")), Is.EqualTo(13));
        Assert.That(lines[^1], Does.StartWith("2 files, 232 papers, 13 papers appear in more than one file;"));
        Assert.That(lines, Has.Some.Match(@"004_2519e4a23e4788df\.txt:3:1: warning PD003: Page boilerplate ""Subscribe"" is glued to the title ""asanAI: "));
    }

    [Test]
    public void Lines_have_the_path_line_column_severity_code_message_shape()
    {
        using var dir = new TempFolder();
        string file = dir.Write("a.digest", Digest + "\nOrphan Title\n");
        var r = CliRunner.Run("check", file);
        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(r.Stdout, Is.EqualTo($"{file}:5:1: warning PD004: This title has no abstract\n1 file, 2 papers; 1 warning\n"));
    }

    [Test]
    public void A_clean_digest_exits_0()
    {
        using var dir = new TempFolder();
        var r = CliRunner.Run("check", dir.Write("a.digest", Digest));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stdout + r.Stderr);
        Assert.That(r.Stdout, Is.EqualTo("1 file, 1 paper; no problems\n"));
    }

    [Test]
    public void Duplicates_are_found_across_every_file_of_one_run()
    {
        using var dir = new TempFolder();
        dir.Write("a.digest", Digest);
        dir.Write("sub/b.papers", Digest);
        var r = CliRunner.Run("check", dir.Path);
        Assert.That(r.ExitCode, Is.EqualTo(1));
        Assert.That(r.Stdout, Does.Contain($"{dir.Path}/a.digest:1:1: warning PD001: Duplicate paper (same title): also at {dir.Path}/sub/b.papers:1"));
        Assert.That(r.Stdout, Does.Contain("2 files, 2 papers, 1 paper appears in more than one file; 2 warnings"));
    }

    [Test]
    public void Folders_are_searched_by_extension_and_by_sniffing_content()
    {
        using var dir = new TempFolder();
        dir.Write("notes.txt", "Shopping list\nmilk\neggs\n");
        dir.Write("README.md", "# Project\n\nSome words about it.\n");
        dir.Write("copy.txt", "Get trending papers in your email inbox!\n" + Digest);
        dir.Write("list.digest", Digest.Replace("Alpha: A First", "Beta: A Second"));
        var r = CliRunner.Run("check", dir.Path);
        Assert.That(r.Stdout, Does.Contain("2 files, 2 papers"));
        Assert.That(r.Stdout, Does.Not.Contain("notes.txt").And.Not.Contain("README.md"));
    }

    [Test]
    public void Json_format_gives_per_file_paths_counts_and_diagnostics_with_related_locations()
    {
        using var dir = new TempFolder();
        string a = dir.Write("a.digest", Digest);
        string b = dir.Write("b.digest", "\n\n" + Digest);
        var r = CliRunner.Run("check", a, b, "--format", "json");
        using var json = JsonDocument.Parse(r.Stdout);
        var files = json.RootElement.GetProperty("files");
        Assert.That(files.GetArrayLength(), Is.EqualTo(2));
        var first = files[0];
        Assert.That(first.GetProperty("path").GetString(), Is.EqualTo(a));
        Assert.That(first.GetProperty("papers").GetInt32(), Is.EqualTo(1));
        var diag = first.GetProperty("diagnostics")[0];
        Assert.That(diag.GetProperty("code").GetString(), Is.EqualTo("PD001"));
        Assert.That(diag.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        Assert.That(diag.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(), Is.EqualTo(1));
        Assert.That(diag.GetProperty("range").GetProperty("end").GetProperty("column").GetInt32(), Is.EqualTo(21));
        var related = diag.GetProperty("related")[0];
        Assert.That(related.GetProperty("path").GetString(), Is.EqualTo(b));
        Assert.That(related.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(), Is.EqualTo(3));
        Assert.That(r.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Terminal_escapes_in_a_digest_are_printed_harmlessly()
    {
        using var dir = new TempFolder();
        string file = dir.Write("a.digest", "Get trending papers in your email inbox!\nSubscribe\u001b[2JEvil \u001b]8;;x\u0007Title\n");
        foreach (var r in new[] { CliRunner.Run("check", file), CliRunner.Run("outline", file) })
        {
            // Ordinal: culture-aware Contains ignores control characters and would always say yes.
            Assert.That(r.Stdout.Contains('\u001b', StringComparison.Ordinal) || r.Stdout.Contains('\u0007', StringComparison.Ordinal), Is.False);
            Assert.That(r.Stdout, Does.Contain("\\u001b[2JEvil \\u001b]8;;x\\u0007Title"));
        }
    }
}
