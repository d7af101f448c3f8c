using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.WorkspaceFiles;

public class GitIgnoreTests
{
    private static readonly GitIgnore Rules = GitIgnore.Parse("""
        # comment
        build/
        *.tmp.txt
        /only-top.digest
        docs/private/*.md
        !keep.tmp.txt

        """);

    [TestCase("build", true, true)]
    [TestCase("sub/build", true, true)]
    [TestCase("build", false, null)]          // a file called build: the rule is for folders
    [TestCase("x.tmp.txt", false, true)]
    [TestCase("deep/x.tmp.txt", false, true)]
    [TestCase("keep.tmp.txt", false, false)]  // re-included by the later "!" rule
    [TestCase("only-top.digest", false, true)]
    [TestCase("sub/only-top.digest", false, null)]
    [TestCase("docs/private/a.md", false, true)]
    [TestCase("docs/private/deeper/a.md", false, null)]
    [TestCase("notes.md", false, null)]
    public void Decides_like_git(string path, bool folder, bool? expected) =>
        Assert.That(Rules.Decide(path, folder), Is.EqualTo(expected));
}
