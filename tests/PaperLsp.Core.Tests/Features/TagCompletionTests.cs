using PaperLsp.Core.Features;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Features;

public class TagCompletionTests
{
    private const string Other = """
        Graph Paper

        We study graphs with a method and results.
        > #graphs #toread #later

        Vision Paper

        We study vision with a method and results.
        > #graphs #read
        """;

    private static string? Complete(string fixture)
    {
        var f = Fixture.Parse(fixture);
        var ws = new WorkspaceSnapshot([("a.digest", DigestParser.Parse(f.Text, "a.digest")), ("b.digest", DigestParser.Parse(Other, "b.digest"))]);
        if (TagCompletion.At(ws, "a.digest", f.Cursor) is not { } found) return null;
        return $"{found.Replace.Start}-{found.Replace.End}: " + string.Join(" ", found.Items.Select(i => $"{(i.IsStatus ? "!" : "")}{i.Tag}={i.Papers}"));
    }

    [Test]
    public void After_a_hash_in_a_note_every_workspace_tag_and_status_is_offered_most_used_first()
    {
        Assert.That(Complete("""
            Kernel Paper

            We study kernels with a method and results.
            > interesting #$0
            """), Is.EqualTo("72-73: graphs=2 later=1 !read=1 !toread=1 !reading=0 !skip=0"));
    }

    [Test]
    public void The_typed_part_filters_and_is_replaced()
    {
        Assert.That(Complete("""
            Kernel Paper

            We study kernels with a method and results.
            > #re$0
            """), Is.EqualTo("60-63: !read=1 !reading=0"));
    }

    [TestCase("Kernel Paper #$0\n\nWe study kernels with a method.\n")]
    [TestCase("Kernel Paper\n\nWe use C#$0 for kernels with a method.\n")]
    [TestCase("## Heading #$0\n")]
    [TestCase("Kernel Paper\n\nWe study kernels.\n> see issue#$0\n")]
    public void Nowhere_but_in_a_note(string fixture) => Assert.That(Complete(fixture), Is.Null);
}
