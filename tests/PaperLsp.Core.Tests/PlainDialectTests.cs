using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;

namespace PaperLsp.Core.Tests;

/// <summary>Each dialect of DESIGN §1 in plain text, under LF and CRLF, rendered as an outline.</summary>
public class PlainDialectTests
{
    private static void Check(string fixture, string expected, string fileName = "x.digest")
    {
        var lf = DigestParser.Parse(fixture.Replace("\r\n", "\n"), fileName);
        Assert.That(OutlineRenderer.Render(lf), Is.EqualTo(expected.Replace("\r\n", "\n")), "LF");
        var crlf = DigestParser.Parse(Fixture.Crlf(fixture), fileName);
        Assert.That(OutlineRenderer.Render(crlf), Is.EqualTo(expected.Replace("\r\n", "\n")), "CRLF");
    }

    private const string AbstractA = "We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.";
    private const string AbstractB = "This paper studies another question in depth. We find that the answer depends on scale in a simple way.";

    [Test]
    public void Spaced_digest_with_page_header_and_date_section()
    {
        Check($"""
            new

            Get trending papers in your email inbox!

            Subscribe

            Daily Papers

            byAK and the research community

            Sep 10

            Alpha: A First Paper

            {AbstractA}

            Beta: A Second Paper

            {AbstractB}
            """, """
            section date 'Sep 10'
              13: 'Alpha: A First Paper' abstract@15-15 'We propose a method that…'
              17: 'Beta: A Second Paper' abstract@19-19 'This paper studies anoth…'

            """);
    }

    [Test]
    public void A_link_wrapped_onto_its_own_line_stays_in_the_abstract()
    {
        Check($"""
            Alpha: A First Paper

            We propose a method that does one thing well. Code is at
            https://github.com/o/r
            for details and more experiments on two benchmarks.

            Beta: A Second Paper

            {AbstractB}
            """, """
            1: 'Alpha: A First Paper' abstract@3-5 'We propose a method that…'
              repository https://github.com/o/r
            7: 'Beta: A Second Paper' abstract@9-9 'This paper studies anoth…'

            """);
    }

    [Test]
    public void Compact_digest_alternates_title_and_abstract_lines()
    {
        Check($"""
            Alpha: A First Paper
            {AbstractA}
            Beta: A Second Paper
            {AbstractB}

            """, """
            1: 'Alpha: A First Paper' abstract@2-2 'We propose a method that…'
            3: 'Beta: A Second Paper' abstract@4-4 'This paper studies anoth…'

            """);
    }

    [Test]
    public void Glued_boilerplate_is_split_from_the_first_title()
    {
        Check($"""
            Get trending papers in your email inbox!
            SubscribeasanAI: A Toolkit
            {AbstractA}
            """, """
            2: 'asanAI: A Toolkit' abstract@3-3 'We propose a method that…'
            PD003 2:1 Page boilerplate "Subscribe" is glued to the title "asanAI: A Toolkit"

            """);
    }

    [Test]
    public void Page_copy_metadata_belongs_to_its_paper()
    {
        Check($"""
            Hugging Face
            Models
            https://huggingface.co/models
            [-] 19
            https://huggingface.co/papers/2410.05434
            https://huggingface.co/login?next=%2Fpapers%2F2410.05434
            Alpha: A First Paper
            [
            6 authors
            ](https://huggingface.co/papers/2410.05434#authors)
            Example Lab
            ·
            Feb 7, 2025
            {AbstractA}
            3 comments
            [-] -
            https://huggingface.co/papers/2501.00001v2
            Beta: A Second Paper
            {AbstractB}
            """, """
            7: 'Alpha: A First Paper' arXiv:2410.05434 abstract@14-14 'We propose a method that…'
              votes=19 authors=6 org='Example Lab' date='Feb 7, 2025' comments=3
              paperpage https://huggingface.co/papers/2410.05434
              other https://huggingface.co/login?next=%2Fpapers%2F2410.05434
              paperpage https://huggingface.co/papers/2410.05434#authors
            18: 'Beta: A Second Paper' arXiv:2501.00001 abstract@19-19 'This paper studies anoth…'
              votes=-
              paperpage https://huggingface.co/papers/2501.00001v2

            """);
    }

    [Test]
    public void Notes_carry_tags_and_status()
    {
        Check($"""
            Alpha: A First Paper

            {AbstractA}
            > #toread #graphs read the method section
            > and then #read it

            Beta: A Second Paper

            {AbstractB}
            """, """
            1: 'Alpha: A First Paper' abstract@3-3 'We propose a method that…'
              tags=toread,graphs,read status=Read
            7: 'Beta: A Second Paper' abstract@9-9 'This paper studies anoth…'

            """);
    }

    [Test]
    public void Dialects_mix_in_one_file()
    {
        Check($"""
            Alpha: A First Paper

            {AbstractA}

            Beta: A Second Paper
            {AbstractB}
            Gamma: Hard-Wrapped Abstract

            We propose a method that is described on
            two lines because someone wrapped it. It works.
            """, """
            1: 'Alpha: A First Paper' abstract@3-3 'We propose a method that…'
            5: 'Beta: A Second Paper' abstract@6-6 'This paper studies anoth…'
            7: 'Gamma: Hard-Wrapped Abstract' abstract@9-10 'We propose a method that…'

            """);
    }

    [Test]
    public void Title_without_abstract_and_split_abstract_are_reported()
    {
        Check($"""
            Alpha: A First Paper

            Beta: A Second Paper


            {AbstractB}

            {AbstractA}
            """, """
            1: 'Alpha: A First Paper' no-abstract
            3: 'Beta: A Second Paper' abstract@6-8 'This paper studies anoth…'
            PD004 1:1 This title has no abstract
            PD005 6:1 This abstract is split from its title by 2 blank lines
            PD005 8:1 This paragraph has no title: it looks like the rest of the abstract above, split from it

            """);
    }

    [Test]
    public void Astral_characters_in_titles_keep_utf16_columns()
    {
        var doc = DigestParser.Parse($"𝔸lpha 📜: Glyphs\n{AbstractA} https://github.com/o/r.\n");
        var paper = doc.Papers.Single();
        Assert.That(paper.Title, Is.EqualTo("𝔸lpha 📜: Glyphs"));
        var link = paper.Links.Single();
        Assert.That(link.Target, Is.EqualTo("https://github.com/o/r"));
        Assert.That(doc.Lines.GetPosition(paper.TitleSpan.End), Is.EqualTo(new Text.LinePosition(0, "𝔸lpha 📜: Glyphs".Length)));
    }
}
