using System.Text;

namespace PaperLsp.Cli.Tests;

public class FixCommandTests
{
    private const string A = "We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.";
    private const string B = "This paper studies another question in depth. We find that the answer depends on scale in a simple way.";

    private static string SeedCopy(TempFolder dir)
    {
        string seed = Path.Combine(CliRunner.SeedsFolder, "004_2519e4a23e4788df.txt");
        string copy = Path.Combine(dir.Path, "004.txt");
        File.Copy(seed, copy);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        return copy;
    }

    [Test]
    public void Dry_run_on_seed_004_shows_the_glued_boilerplate_split_and_the_compact_to_spaced_change_and_writes_nothing()
    {
        using var dir = new TempFolder();
        string copy = SeedCopy(dir);
        byte[] before = File.ReadAllBytes(copy);
        var r = CliRunner.Run("fix", "--dry-run", copy);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        var lines = r.Stdout.Split('\n');
        Assert.That(lines[0], Is.EqualTo($"{copy}: split the glued page phrase from 1 title (PD003)"));
        Assert.That(lines[1], Does.Match(@": formatted: inserted \d+ blank lines \(compact → spaced\)$"));
        Assert.That(r.Stdout, Does.Contain($"--- {copy}\n+++ {copy}\n@@ -1,"));
        Assert.That(r.Stdout, Does.Contain("""
             Get trending papers in your email inbox!
            -SubscribeasanAI: In-Browser, No-Code, Offline-First Machine Learning Toolkit
            +Subscribe
            +
            +asanAI: In-Browser, No-Code, Offline-First Machine Learning Toolkit
            +
             Machine learning (ML) has become crucial in modern life
            """.Replace("\r\n", "\n")), "the split, then a blank line before the first title and between it and its abstract");
        Assert.That(r.Stdout, Does.Contain("\n+\n zkDL: Efficient Zero-Knowledge Proofs of Deep Learning Training\n+\n The recent advancements"),
            "compact → spaced: a blank line between entries and between each title and its abstract");
        Assert.That(lines.Count(l => l == "+"), Is.EqualTo(238));
        Assert.That(r.Stdout, Does.EndWith("1 file would change, 0 unchanged (dry run: nothing written)\n"));
        Assert.That(File.ReadAllBytes(copy), Is.EqualTo(before), "dry run");
    }

    [Test]
    public void After_fix_check_reports_only_what_cannot_be_fixed_safely()
    {
        using var dir = new TempFolder();
        string copy = SeedCopy(dir);
        var before = CliRunner.Run("check", copy);
        Assert.That(before.Stdout, Does.Contain(" PD003: "));

        var fix = CliRunner.Run("fix", copy);
        Assert.That(fix.ExitCode, Is.EqualTo(0), fix.Stderr);
        Assert.That(fix.Stdout, Does.EndWith("1 file fixed, 0 unchanged\n"));

        var after = CliRunner.Run("check", copy);
        var codes = after.Stdout.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Match(l, @" (PD\d{3}): ")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.That(codes, Is.EquivalentTo(new[] { "PD008", "PD008", "PD006" }), "a damaged URL and leftover LaTeX are not safe to fix unasked");
        Assert.That(after.Stdout, Does.EndWith("1 file, 119 papers; 1 warning, 2 hints\n"), "every paper is still there");
        Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { copy }), "no temporary file is left behind");
        if (!OperatingSystem.IsWindows())
            Assert.That(File.GetUnixFileMode(copy), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead), "permissions are kept");

        var again = CliRunner.Run("fix", copy);
        Assert.That(again.Stdout, Is.EqualTo("0 files fixed, 1 unchanged\n"), "fixing twice changes nothing");
    }

    [Test]
    public void A_crlf_file_stays_crlf_and_one_without_a_final_newline_gets_one()
    {
        using var dir = new TempFolder();
        string file = dir.Write("c.digest", $"Alpha: A First Paper 📜\r\n{A}\r\nBeta: A Second Paper\r\n{B}");
        var r = CliRunner.Run("fix", file);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(File.ReadAllText(file), Is.EqualTo($"Alpha: A First Paper 📜\r\n\r\n{A}\r\n\r\nBeta: A Second Paper\r\n\r\n{B}\r\n"));
    }

    [Test]
    public void A_byte_order_mark_is_kept()
    {
        using var dir = new TempFolder();
        string file = Path.Combine(dir.Path, "b.digest");
        File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes($"Alpha: A First Paper\n{A}\n")]);
        Assert.That(CliRunner.Run("fix", file).ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllBytes(file), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($"Alpha: A First Paper\n\n{A}\n"))));
    }

    [Test]
    public void Duplicates_go_only_with_remove_duplicates_and_only_exact_copies()
    {
        using var dir = new TempFolder();
        string text = $"Alpha: A First Paper\n\n{A}\n\nAlpha: A First Paper\n\n{A}\n\nAlpha: A First Paper\n\n{B}\n";
        string file = dir.Write("d.digest", text);
        Assert.That(CliRunner.Run("fix", file).Stdout, Is.EqualTo("0 files fixed, 1 unchanged\n"));
        var r = CliRunner.Run("fix", "--remove-duplicates", file);
        Assert.That(r.Stdout, Is.EqualTo($"{file}: removed 1 exact duplicate copy (PD001)\n1 file fixed, 0 unchanged\n"));
        Assert.That(File.ReadAllText(file), Is.EqualTo($"Alpha: A First Paper\n\n{A}\n\nAlpha: A First Paper\n\n{B}\n"));
    }

    [Test]
    public void A_failed_write_leaves_the_original_untouched_and_says_so()
    {
        using var dir = new TempFolder();
        // A name so long that the temporary file beside it cannot be created (names are limited to 255 bytes).
        string file = dir.Write(new string('n', 236) + ".digest", $"Alpha: A First Paper\n{A}\n");
        byte[] before = File.ReadAllBytes(file);
        var r = CliRunner.Run("fix", file);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain(": not written, the file is as it was ("));
        Assert.That(File.ReadAllBytes(file), Is.EqualTo(before));
        Assert.That(Directory.GetFiles(dir.Path), Is.EqualTo(new[] { file }));
    }

    [Test]
    public void Invalid_utf8_is_left_alone()
    {
        using var dir = new TempFolder();
        string file = Path.Combine(dir.Path, "bad.digest");
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Alpha: A First Paper\n"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes($"\n{A}\n")];
        File.WriteAllBytes(file, bytes);
        var r = CliRunner.Run("fix", file);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("not valid UTF-8; left as it is"));
        Assert.That(File.ReadAllBytes(file), Is.EqualTo(bytes));
    }

    [Test]
    public void A_symbolic_link_stays_a_link_and_its_target_is_fixed()
    {
        using var dir = new TempFolder();
        string target = dir.Write("real.digest", $"Alpha: A First Paper\n{A}\n");
        string link = Path.Combine(dir.Path, "link.digest");
        File.CreateSymbolicLink(link, target);
        Assert.That(CliRunner.Run("fix", link).ExitCode, Is.EqualTo(0));
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
        Assert.That(File.ReadAllText(target), Is.EqualTo($"Alpha: A First Paper\n\n{A}\n"));
    }

    [Test]
    public void Digest_text_in_the_diff_cannot_drive_the_terminal()
    {
        using var dir = new TempFolder();
        string file = dir.Write("e.digest", $"Alpha: A First Paper \u001b[31mred\u001b[0m\n{A}\n");
        var r = CliRunner.Run("fix", "--dry-run", file);
        Assert.That(r.Stdout.Contains('\u001b', StringComparison.Ordinal), Is.False, "no raw escape character reaches the terminal");
        Assert.That(r.Stdout, Does.Contain("\\u001b[31mred"));
    }

    [TestCase("--frobnicate")]
    [TestCase("--format=json")]
    public void Bad_usage_exits_2(string option)
    {
        using var dir = new TempFolder();
        var r = CliRunner.Run("fix", option, dir.Write("a.digest", $"Alpha: A First Paper\n\n{A}\n"));
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain($"unknown option '{option}' for fix"));
        Assert.That(CliRunner.Run("fix").ExitCode, Is.EqualTo(2));
    }
}
