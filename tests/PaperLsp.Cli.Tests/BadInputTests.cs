namespace PaperLsp.Cli.Tests;

/// <summary>Bad usage and unreadable input: a clear message and exit code 2, never a stack trace.</summary>
public class BadInputTests
{
    [TestCase]
    [TestCase("check")]
    [TestCase("frobnicate", "x")]
    [TestCase("check", "x", "--format", "xml")]
    [TestCase("check", "x", "--verbose")]
    [TestCase("outline", "a", "b")]
    public void Bad_usage_exits_2_with_usage(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stdout + r.Stderr, Does.Contain("usage: paperlsp"));
        Assert.That(r.Stdout + r.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void A_missing_path_exits_2()
    {
        var r = CliRunner.Run("check", "no/such/file.digest");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("no/such/file.digest: no such file or folder"));
    }

    [Test]
    public void A_binary_file_is_refused_clearly()
    {
        using var dir = new TempFolder();
        string file = Path.Combine(dir.Path, "blob.digest");
        File.WriteAllBytes(file, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0xFF, 0xFE]);
        var r = CliRunner.Run("check", file);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("looks binary"));
    }

    [Test]
    public void Invalid_utf8_is_read_with_replacement_characters()
    {
        using var dir = new TempFolder();
        string file = Path.Combine(dir.Path, "bad.digest");
        File.WriteAllBytes(file, [.. "Title \xC3\x28 Here\n"u8.ToArray(), 0xC3, 0x28, (byte)'\n']);
        var r = CliRunner.Run("outline", file);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Contain("\uFFFD"));
    }

    [Test]
    public void An_empty_folder_is_reported()
    {
        using var dir = new TempFolder();
        var r = CliRunner.Run("check", dir.Path);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("no digests found"));
    }
}

public class HelpTests
{
    [Test]
    public void Help_prints_the_usage_on_separate_lines()
    {
        var r = CliRunner.Run("--help");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        Assert.That(r.Stdout, Does.StartWith("usage: paperlsp check PATH..."));
        Assert.That(r.Stdout, Does.Contain("\n       paperlsp lsp (or --stdio)"));
        Assert.That(r.Stdout, Does.Not.Contain("\\u000a"));
    }
}
