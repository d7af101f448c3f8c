namespace PaperLsp.Cli.Tests;

/// <summary>`paperlsp check` reads the workspace's .paperlsp.json and scans folders like the editor does (issue 5).</summary>
public class CheckSettingsTests
{
    private const string Digest = "Alpha: A First Paper\n\nWe use \\emph{alpha} and report results on three benchmarks with a method.\n";

    [Test]
    public void The_workspace_file_sets_severities_and_turns_codes_off()
    {
        using var dir = new TempFolder();
        dir.Write("a.digest", Digest);
        dir.Write("sub/b.digest", Digest);
        var before = CliRunner.Run("check", dir.Path);
        Assert.That(before.Stdout, Does.Contain("hint PD008").And.Contain("warning PD001"));
        dir.Write(".paperlsp.json", """{ "diagnostics": { "severity": { "PD008": "off" } }, "duplicates": { "otherFileSeverity": { "PD001": "information" } } }""");
        var after = CliRunner.Run("check", dir.Path);
        Assert.That(after.Stdout, Does.Not.Contain("PD008").And.Contain("info PD001"));
        Assert.That(after.ExitCode, Is.EqualTo(0), "information is not a finding that fails CI");
        var fromSubfolder = CliRunner.Run("check", Path.Combine(dir.Path, "sub", "b.digest"));
        Assert.That(fromSubfolder.Stdout, Does.Not.Contain("PD008"), "the nearest .paperlsp.json above the path applies");
    }

    [Test]
    public void Folders_follow_gitignore_and_the_exclude_setting()
    {
        using var dir = new TempFolder();
        dir.Write(".gitignore", "drafts/\n");
        dir.Write("a.digest", Digest);
        dir.Write("drafts/b.digest", Digest);
        dir.Write("old/c.digest", Digest);
        dir.Write(".paperlsp.json", """{ "workspace": { "exclude": ["old/**"] } }""");
        var r = CliRunner.Run("check", dir.Path);
        Assert.That(r.Stdout, Does.Contain("1 file, 1 paper"));
    }

    [Test]
    public void A_broken_workspace_file_is_reported_and_the_defaults_apply()
    {
        using var dir = new TempFolder();
        dir.Write("a.digest", Digest);
        dir.Write(".paperlsp.json", "{ not json");
        var r = CliRunner.Run("check", dir.Path);
        Assert.That(r.Stderr, Does.Contain(".paperlsp.json").And.Contain("ignored"));
        Assert.That(r.Stdout, Does.Contain("hint PD008"));
    }
}
