using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.WorkspaceFiles;

public class GlobTests
{
    [TestCase("**/*.digest", "a.digest", true)]
    [TestCase("**/*.digest", "deep/er/a.digest", true)]
    [TestCase("**/*.digest", "a.digest.md", false)]
    [TestCase("*.txt", "a.txt", true)]
    [TestCase("*.txt", "sub/a.txt", false)]
    [TestCase("**/node_modules/**", "node_modules", true)]
    [TestCase("**/node_modules/**", "x/node_modules/y/z.md", true)]
    [TestCase("**/node_modules/**", "x/node_modulesx/z.md", false)]
    [TestCase("**/*.{digest,papers}", "p/q.papers", true)]
    [TestCase("**/*.{digest,papers}", "p/q.paper", false)]
    [TestCase("notes/?.md", "notes/a.md", true)]
    [TestCase("notes/?.md", "notes/ab.md", false)]
    [TestCase("[ab]*.txt", "b1.txt", true)]
    [TestCase("[!ab]*.txt", "b1.txt", false)]
    [TestCase("/top/*.digest", "top/x.digest", true)]
    [TestCase("a+b(c).txt", "a+b(c).txt", true)]
    public void Matches_like_vscode_globs(string pattern, string path, bool expected) =>
        Assert.That(Glob.Parse(pattern).IsMatch(path), Is.EqualTo(expected));

    [Test]
    public void An_unclosed_brace_or_bracket_does_not_throw()
    {
        Assert.That(Glob.Parse("**/*.{digest").IsMatch("a.digest"), Is.True);
        Assert.That(Glob.Parse("[abc").IsMatch("[abc"), Is.True);
    }
}
