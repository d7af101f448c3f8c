using PaperLsp.Core.Configuration;
using PaperLsp.Server.Workspace;

namespace PaperLsp.Server.Tests;

/// <summary>Which files of a workspace folder are digests to index (issue 5).</summary>
public class WorkspaceScannerTests
{
    private const string Digest = "A Paper on Kernels\n\nWe study kernels and report results on three benchmarks with a new method.\n\nA Paper on Robots\n\nWe study robots and report results on three benchmarks with a new method.\n";

    private string _root = "";

    [SetUp]
    public void MakeFolder()
    {
        _root = Path.Combine(Path.GetTempPath(), "paperlsp-scan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private List<string> Found(Settings? settings = null) =>
        WorkspaceScanner.Scan(_root, settings ?? Settings.Default).Digests.Select(p => Path.GetRelativePath(_root, p).Replace('\\', '/')).ToList();

    [Test]
    public void Digest_extensions_always_count_and_txt_or_md_only_when_they_read_as_digests()
    {
        Write("a.digest", "anything at all");
        Write("b.papers", Digest);
        Write("c.digest.md", "## A Paper\n\nText.\n");
        Write("notes/list.txt", Digest);
        Write("notes/readme.md", "# Readme\n\nThis project does things.\n");
        Write("notes/todo.txt", "buy milk\n");
        Write("image.png", Digest);
        Assert.That(Found(), Is.EqualTo(new[] { "a.digest", "b.papers", "c.digest.md", "notes/list.txt" }));
    }

    [Test]
    public void Gitignore_and_excludes_are_respected_at_every_level()
    {
        Write(".gitignore", "build/\n*.old.digest\n");
        Write("keep.digest", Digest);
        Write("x.old.digest", Digest);
        Write("build/gen.digest", Digest);
        Write("node_modules/pkg/list.digest", Digest);
        Write("sub/.gitignore", "local.digest\n");
        Write("sub/local.digest", Digest);
        Write("sub/other.digest", Digest);
        Write("local.digest", Digest); // the nested .gitignore does not reach up
        Assert.That(Found(), Is.EqualTo(new[] { "keep.digest", "local.digest", "sub/other.digest" }));
        Assert.That(Found(Settings.Default with { Exclude = ["sub/**"] }), Is.EqualTo(new[] { "keep.digest", "local.digest", "node_modules/pkg/list.digest" }));
        Assert.That(Found(Settings.Default with { Include = ["**/*.papers"] }), Is.Empty);
    }

    [Test]
    public void Symlinks_never_lead_outside_the_root_nor_into_a_loop()
    {
        string outside = Path.Combine(Path.GetTempPath(), "paperlsp-outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        try
        {
            File.WriteAllText(Path.Combine(outside, "secret.digest"), Digest);
            Write("real.digest", Digest);
            File.CreateSymbolicLink(Path.Combine(_root, "escape.digest"), Path.Combine(outside, "secret.digest"));
            Directory.CreateSymbolicLink(Path.Combine(_root, "outside"), outside);
            Directory.CreateSymbolicLink(Path.Combine(_root, "loop"), _root);
            File.CreateSymbolicLink(Path.Combine(_root, "alias.digest"), Path.Combine(_root, "real.digest"));
            var scan = WorkspaceScanner.Scan(_root, Settings.Default);
            Assert.That(scan.Digests.Select(Path.GetFileName), Is.EqualTo(new[] { "alias.digest", "real.digest" }));
            Assert.That(scan.Skipped, Has.Some.Contains("escape.digest").And.Some.Contains("loop").And.Some.Contains("outside"));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Test]
    public void Files_over_the_size_limit_are_skipped_with_the_reason()
    {
        Write("small.digest", Digest);
        Write("big.digest", new string('x', 300_000));
        var scan = WorkspaceScanner.Scan(_root, Settings.Default with { MaxFileSizeMB = 0.1 });
        Assert.That(scan.Digests.Select(Path.GetFileName), Is.EqualTo(new[] { "small.digest" }));
        Assert.That(scan.Skipped.Single(), Does.Contain("big.digest").And.Contain("size limit"));
    }

    [Test]
    public void A_folder_that_cannot_be_read_is_reported_and_the_rest_is_scanned()
    {
        Write("ok.digest", Digest);
        Assert.That(WorkspaceScanner.Scan(Path.Combine(_root, "missing"), Settings.Default).Skipped.Single(), Does.Contain("cannot list"));
        Assert.That(Found(), Is.EqualTo(new[] { "ok.digest" }));
    }
}
