using PaperLsp.Core.Tests.Support;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

public class RemoveBoilerplateTests
{
    private const string PageCopy = $"""
        Hugging Face
        Models
        https://huggingface.co/models
        Papers
        Daily Papers
        [-] 42
        https://huggingface.co/papers/2502.01234
        Folded Attention: Linear-Time Transformers
        [
        5 authors
        ](https://huggingface.co/papers/2502.01234#authors)
        Example Research Lab
        ·
        Feb 7, 2025
        {A}
        12 comments
        [-] -
        https://huggingface.co/papers/2502.04321
        https://huggingface.co/login?next=%2Fpapers%2F2502.04321
        Counting Sheep: Calibrated Uncertainty for Object Counting
        {B}
        Subscribe
        [-] 7
        https://huggingface.co/papers/2406.11912
        Lattice Sieves for Sparse Attention Routing
        > #toread
        {C}
        """;

    [Test]
    public void A_boilerplate_line_between_blank_lines_goes_with_one_of_them()
    {
        var fix = FixFixture.Check($"""
            Alpha: A First Paper

            {A}

            [|$0Subscribe

            |]Beta: A Second Paper

            {B}

            """, "remove-boilerplate", $"""
            Alpha: A First Paper

            {A}

            Beta: A Second Paper

            {B}

            """);
        Assert.That(fix.Safe && fix.Preferred);
    }

    [Test]
    public void A_boilerplate_line_in_a_compact_list_goes_alone()
    {
        FixFixture.Check($"""
            Alpha: A First Paper
            {A}
            [|$0Daily Papers
            |]Beta: A Second Paper
            {B}
            """, "remove-boilerplate", $"""
            Alpha: A First Paper
            {A}
            Beta: A Second Paper
            {B}
            """);
    }

    [Test]
    public void Keeping_metadata_removes_navigation_votes_logins_brackets_dots_and_comment_counts()
    {
        var fix = FixFixture.Check("[|" + PageCopy.Replace("Subscribe\n", "$0Subscribe\n", StringComparison.Ordinal) + "|]", "page-copy-keep-metadata", $"""
            Daily Papers
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            5 authors
            Example Research Lab
            Feb 7, 2025
            {A}
            https://huggingface.co/papers/2502.04321
            Counting Sheep: Calibrated Uncertainty for Object Counting
            {B}
            https://huggingface.co/papers/2406.11912
            Lattice Sieves for Sparse Attention Routing
            > #toread
            {C}
            """, "p.papers");
        Assert.That(fix.Safe);
        Assert.That(fix.Title, Does.StartWith("Remove page boilerplate, keep paper URLs and dates"));
    }

    [Test]
    public void Stripping_leaves_titles_abstracts_and_notes()
    {
        var fix = FixFixture.Check("[|" + PageCopy.Replace("[-] 7", "$0[-] 7", StringComparison.Ordinal) + "|]", "page-copy-strip", $"""
            Folded Attention: Linear-Time Transformers
            {A}
            Counting Sheep: Calibrated Uncertainty for Object Counting
            {B}
            Lattice Sieves for Sparse Attention Routing
            > #toread
            {C}
            """, "p.papers");
        Assert.That(fix.Safe, Is.False, "stripping deletes metadata: never applied unasked");
    }

    [Test]
    public void Keeping_metadata_keeps_the_daily_papers_header_and_date_headings_of_a_spaced_copy()
    {
        FixFixture.Check($"""
            new

            Daily Papers

            Sep 10

            Alpha: A First Paper

            {A}

            [|$0Subscribe

            |]Beta: A Second Paper

            {B}

            """, "page-copy-keep-metadata", $"""
            new

            Daily Papers

            Sep 10

            Alpha: A First Paper

            {A}

            Beta: A Second Paper

            {B}

            """);
    }

    [Test]
    public void Page_cleanups_are_offered_on_page_lines_only()
    {
        Assert.That(FixFixture.Offered(PageCopy.Replace("[-] 7", "$0[-] 7", StringComparison.Ordinal), "p.papers"),
            Does.Contain("page-copy-keep-metadata").And.Contain("page-copy-strip"));
        Assert.That(FixFixture.Offered(PageCopy.Replace("Lattice Sieves", "Lattice $0Sieves", StringComparison.Ordinal), "p.papers"),
            Does.Not.Contain("page-copy-keep-metadata").And.Not.Contain("page-copy-strip"));
    }

    [Test]
    public void Fix_all_removes_every_boilerplate_line_in_the_list()
    {
        FixFixture.Check($"""
            Alpha: A First Paper

            {A}

            [|$0Subscribe

            Beta: A Second Paper

            {B}

            Daily Papers

            |]Gamma: A Third Paper

            {C}

            """, "all-PD009", $"""
            Alpha: A First Paper

            {A}

            Beta: A Second Paper

            {B}

            Gamma: A Third Paper

            {C}

            """);
    }
}
