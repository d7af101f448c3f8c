using PaperLsp.Core.Features;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Features;

public class LinkFeatureTests
{
    private const string PageCopy = """
        Hugging Face
        Models
        https://huggingface.co/models
        Daily Papers
        [-] 42
        https://huggingface.co/papers/2502.01234
        Folded Attention: Linear-Time Transformers
        Folded attention replaces the quadratic attention matrix with a tree of summaries, so each token attends to few vectors. Code: https://github.com/example-lab/folded-attention. Page: https://folded.github.io/site.
        [-] 7
        https://huggingface.co/papers/2406.11912
        Lattice Sieves for Sparse Attention Routing
        We introduce lattice sieves, a routing scheme for long documents. See https://lattice.github.io/ and https://arxiv.org/pdf/2406.11912.
        """;

    [Test]
    public void Every_url_is_a_link_including_those_between_papers()
    {
        var doc = DigestParser.Parse(PageCopy, "p.papers");
        var links = DocumentLinks.Of(doc);
        Assert.That(links.Select(l => (doc.Slice(l.Span), l.Target, l.Kind)), Is.EqualTo(new[]
        {
            ("https://huggingface.co/models", "https://huggingface.co/models", LinkKind.Other),
            ("https://huggingface.co/papers/2502.01234", "https://huggingface.co/papers/2502.01234", LinkKind.PaperPage),
            ("https://github.com/example-lab/folded-attention", "https://github.com/example-lab/folded-attention", LinkKind.Repository),
            ("https://folded.github.io/site", "https://folded.github.io/site", LinkKind.ProjectPage),
            ("https://huggingface.co/papers/2406.11912", "https://huggingface.co/papers/2406.11912", LinkKind.PaperPage),
            ("https://lattice.github.io/", "https://lattice.github.io/", LinkKind.ProjectPage),
            ("https://arxiv.org/pdf/2406.11912", "https://arxiv.org/pdf/2406.11912", LinkKind.Pdf),
        }));
    }

    [Test]
    public void Damaged_urls_link_their_raw_span_to_the_cleaned_target()
    {
        const string text = "A Title Line\n\nWe propose a method. Code: https://github.com/o/flan_nas{https://github.com/o/flan\\_nas}. And https://github.com/o/r.\n";
        var doc = DigestParser.Parse(text, "a.txt");
        Assert.That(DocumentLinks.Of(doc).Select(l => (doc.Slice(l.Span), l.Target)), Is.EqualTo(new[]
        {
            ("https://github.com/o/flan_nas{https://github.com/o/flan\\_nas}", "https://github.com/o/flan_nas"),
            ("https://github.com/o/r", "https://github.com/o/r"),
        }));
    }

    [Test]
    public void Lenses_open_the_repository_else_the_project_page_and_the_command_takes_the_primary_link()
    {
        var f = Fixture.Parse(PageCopy.Replace("Lattice Sieves for", "Lattice $0Sieves for"));
        var doc = DigestParser.Parse(f.Text, "p.papers");
        Assert.That(LinkedRepo.Lenses(doc).Select(l => (doc.Slice(l.Span), l.Title, l.Target)), Is.EqualTo(new[]
        {
            ("Folded Attention: Linear-Time Transformers", "Open repository", "https://github.com/example-lab/folded-attention"),
            ("Lattice Sieves for Sparse Attention Routing", "Open project page", "https://lattice.github.io/"),
        }));
        Assert.That(LinkedRepo.At(doc, f.Cursor), Is.EqualTo("https://lattice.github.io/"));
        Assert.That(LinkedRepo.At(doc, 3), Is.Null, "no paper in the page header");
    }

    [Test]
    public void Definition_on_a_title_is_the_primary_link_then_the_first_copy()
    {
        const string first = "Shared Paper: Copied Everywhere\n\nWe introduce a shared method. Code: https://github.com/s/shared.\n";
        const string second = "Other Paper Title Here\n\nAn abstract that is long enough to count as one.\n\nShared Paper: Copied Everywhere\n\nWe introduce a shared method.\n";
        var a = DigestParser.Parse(first, "file:///a.digest");
        var b = DigestParser.Parse(second, "file:///b.digest");
        var ws = new WorkspaceSnapshot([("file:///a.digest", a), ("file:///b.digest", b)]);

        var onCopy = Definition.At(ws, "file:///b.digest", second.IndexOf("Shared", StringComparison.Ordinal) + 3)!;
        Assert.That(onCopy.Targets, Is.EqualTo(new[] { new DefinitionTarget(null, "file:///a.digest", a.Papers[0].TitleSpan) }));
        Assert.That(onCopy.Origin, Is.EqualTo(b.Papers[1].TitleSpan));

        var onFirst = Definition.At(ws, "file:///a.digest", 3)!;
        Assert.That(onFirst.Targets, Is.EqualTo(new[] { DefinitionTarget.Web("https://github.com/s/shared") }));

        Assert.That(Definition.At(ws, "file:///b.digest", 3), Is.Null, "no link and no earlier copy");
        int url = first.IndexOf("github", StringComparison.Ordinal);
        Assert.That(Definition.At(ws, "file:///a.digest", url)!.Targets.Single().Url, Is.EqualTo("https://github.com/s/shared"));
    }
}
