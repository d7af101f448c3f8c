using PaperLsp.Core.Fixes;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

/// <summary>The verifier refuses edits that would cost a paper a word, and lets through what a fix means to do.</summary>
public class FixVerifierTests
{
    private static readonly string Text = $"Alpha: A First Paper\n\n{A} Code: https://github.com/o/a\\_b.\n\nBeta: A Second Paper\n\n{B}\n";

    private static string? Failure(IReadOnlyList<SpanEdit> edits, params int[] removed) => Failure(edits, false, removed);

    private static string? Failure(IReadOnlyList<SpanEdit> edits, bool rewritesText, params int[] removed)
    {
        var doc = DigestParser.Parse(Text, "x.digest");
        return FixVerifier.Apply(doc, edits, removed, "x.digest", out string? failure, rewritesText) is null ? failure ?? "refused" : null;
    }

    private static TextSpan Find(string s) => new(Text.IndexOf(s, StringComparison.Ordinal), s.Length);

    [Test]
    public void Whitespace_edits_pass()
    {
        Assert.That(Failure([SpanEdit.Insert(Find("\n\nBeta").Start, "\n"), new SpanEdit(Find(" thing"), "\n  thing")]), Is.Null);
    }

    [Test]
    public void A_word_deleted_from_an_abstract_is_refused()
    {
        Assert.That(Failure([SpanEdit.Delete(Find(" thing"))]), Does.Contain("abstract of \"Alpha: A First Paper\" would change"));
    }

    [Test]
    public void A_title_deleted_is_refused_unless_the_paper_is_removed_on_purpose()
    {
        var entry = TextSpan.FromBounds(Find("Beta").Start - 1, Text.Length);
        Assert.That(Failure([SpanEdit.Delete(entry)]), Does.Contain("papers where"));
        Assert.That(Failure([SpanEdit.Delete(entry)], 1), Is.Null);
    }

    [Test]
    public void A_repaired_url_is_expected_inside_the_abstract_of_a_fix_that_says_it_rewrites_text()
    {
        Assert.That(Failure([SpanEdit.Delete(Find("\\"))], rewritesText: true), Is.Null);
        Assert.That(Failure([SpanEdit.Delete(Find("\\"))], rewritesText: false), Does.Contain("would change"));
    }

    [Test]
    public void A_rewriting_edit_across_the_edge_of_an_abstract_is_refused()
    {
        var across = TextSpan.FromBounds(Find("benchmarks.").Start, Find("Code:").End);
        Assert.That(Failure([new SpanEdit(across, "benchmarks.  Code:")]), Is.Null, "inside: fine");
        var edge = TextSpan.FromBounds(Find("_b.").End - 1, Find("Beta").Start);
        Assert.That(Failure([new SpanEdit(edge, ".\n\n")], rewritesText: true), Does.Contain("crosses the edge"),
            "what a text-rewriting edit across the edge does to the abstract is a guess");
    }

    [Test]
    public void Overlapping_edits_are_refused_with_the_reason()
    {
        Assert.That(Failure([SpanEdit.Delete(new TextSpan(0, 5)), SpanEdit.Delete(new TextSpan(2, 5))]), Does.Contain("overlap"));
    }
}
