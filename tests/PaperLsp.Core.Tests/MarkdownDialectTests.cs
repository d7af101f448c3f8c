using System.Text;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using static PaperLsp.Core.Tests.Support.MarkdownFixture;

namespace PaperLsp.Core.Tests;

/// <summary>
/// Markdown digests (DESIGN §1): each fixture's outline — sections, papers, their facts and problems — as text.
/// Every fixture is also checked for losslessness and for papers owning their own title and abstract.
/// </summary>
public class MarkdownDialectTests
{
    [Test]
    public void Headings_under_topic_sections() => Check("""
        # Reading list

        ## Retrieval

        ### Dense Passage Mixing for Long Contexts

        We mix passages from many documents. It helps long inputs.

        ### Sparse Lexical Routers ##

        Routers that send each token to few experts.

        ## Vision

        ### Pixel Tokenizers Revisited
        A study of pixel tokenizers.
        """, """
        section 'Reading list'
          section 'Retrieval'
            paper 'Dense Passage Mixing for Long Contexts' abstract='We mix passages from…'
            paper 'Sparse Lexical Routers' abstract='Routers that send each…'
          section 'Vision'
            paper 'Pixel Tokenizers Revisited' abstract='A study of pixel…'
        """);

    [Test]
    public void A_topic_with_an_intro_paragraph_is_still_a_section() => Check("""
        ## Agents

        Papers about tool-using agents.

        ### Agents That Read Manuals

        We let agents read manuals first.
        """, """
        section 'Agents'
          paper 'Agents That Read Manuals' abstract='We let agents read…'
        """);

    [Test]
    public void Date_headings_are_date_sections() => Check("""
        ## 2025-02-07

        ### Quiet Transformers

        Transformers that speak less.

        ## Sep 10

        **Loud Transformers**
        Transformers that speak more.
        """, """
        date '2025-02-07'
          paper 'Quiet Transformers' abstract='Transformers that speak less.'
        date 'Sep 10'
          paper 'Loud Transformers' abstract='Transformers that speak more.'
        """);

    [Test]
    public void An_empty_heading_between_topics_is_an_empty_topic() => Check("""
        ## Robotics

        ## Audio

        ### Whispering Codecs

        A codec that whispers.
        """, """
        section 'Robotics'
        section 'Audio'
          paper 'Whispering Codecs' abstract='A codec that whispers.'
        """);

    [Test]
    public void Bold_titles_with_links_and_abstract_paragraphs() => Check("""
        **Tiny Recurrent Critics** [arXiv](https://arxiv.org/abs/2406.11912)
        A small critic, hard-wrapped
        over two lines.

        **Huge Feedforward Critics**

        First paragraph of the abstract.

        Second paragraph of the abstract.
        [Code](https://github.com/some-org/huge-critics)
        """, """
        paper 'Tiny Recurrent Critics' abstract='A small critic, hard-wrapped…' arxiv=2406.11912 links=paper
        paper 'Huge Feedforward Critics' abstract='First paragraph of the…' links=repo
        """);

    [Test]
    public void Bold_titles_in_list_items() => Check("""
        - **Listed Paper One** — [arXiv](https://arxiv.org/abs/2401.00001)
          Its abstract, indented under the item.
        - **Listed Paper Two**
          Another abstract.
        """, """
        paper 'Listed Paper One' abstract='Its abstract, indented under…' arxiv=2401.00001 links=paper
        paper 'Listed Paper Two' abstract='Another abstract.'
        """);

    // FIXME: awesome-list items led by a link to the paper should be papers, and the heading over them a section.
    [Test]
    public void Link_led_list_items_are_not_papers_yet() => Check("""
        ## Retrieval

        - [Linked Title Paper](https://arxiv.org/abs/2407.00007) - a one-line summary.
        """, """
        paper 'Retrieval' abstract='[Linked Title Paper](https://arxiv.org/abs/2407.00007) -…' arxiv=2407.00007 links=paper
        """);

    [Test]
    public void A_bold_label_before_links_is_no_title() => Check("""
        ### Labelled Links Paper

        The abstract.

        **Links:** [arXiv](https://arxiv.org/abs/2402.00002)
        """, """
        paper 'Labelled Links Paper' abstract='The abstract.' arxiv=2402.00002 links=paper
        """);

    [Test]
    public void Heading_titles_lose_trailing_links_and_wrapping_markup() => Check("""
        ### Linked Heading Title [arXiv](https://arxiv.org/abs/2403.00003)

        Abstract one.

        ### [Title Inside A Link](https://example.org/paper)

        Abstract two.

        ### **Bold Heading Title**

        Abstract three.
        """, """
        paper 'Linked Heading Title' abstract='Abstract one.' arxiv=2403.00003 links=paper
        paper 'Title Inside A Link' abstract='Abstract two.' links=other
        paper 'Bold Heading Title' abstract='Abstract three.'
        """);

    [Test]
    public void One_paper_per_table_row() => Check("""
        ## Archive

        | Title | Abstract | Links |
        |---|---|---|
        | **Table Paper A** | Abstract of A. | [arXiv](https://arxiv.org/abs/2401.00011) |
        | [Table Paper B](https://github.com/o/b) |  | |
        | | orphan cell | |

        ## Old archive

        | Paper | Year |
        |:--|--:|
        | Table Paper C | 2021 |
        """, """
        section 'Archive'
          paper 'Table Paper A' abstract='Abstract of A.' arxiv=2401.00011 links=paper
          paper 'Table Paper B' links=repo
        section 'Old archive'
          paper 'Table Paper C'
        PD004 'Table Paper B'
        """);

    [Test]
    public void A_table_without_a_title_column_holds_no_papers() => Check("""
        ### Paper With A Results Table

        Our method wins.

        | Model | Score |
        |---|---|
        | ours | 99 |
        """, """
        paper 'Paper With A Results Table' abstract='Our method wins.'
        """);

    [Test]
    public void Details_blocks() => Check("""
        ## Collapsed

        <details>
        <summary>Paper In Details</summary>

        Abstract in its own paragraph.

        </details>
        <details><summary><b>Paper In One Block</b></summary>
        Abstract inside the HTML block.
        </details>
        <details><summary>Paper On One Line</summary>Its abstract.</details>

        Text after the details is not an abstract.
        """, """
        section 'Collapsed'
          paper 'Paper In Details' abstract='Abstract in its own…'
          paper 'Paper In One Block' abstract='Abstract inside the HTML…'
          paper 'Paper On One Line' abstract='Its abstract.'
        """);

    [Test]
    public void A_summary_named_Abstract_folds_the_abstract_of_the_paper_above() => Check("""
        ### Paper With Folded Abstract

        <details><summary>Abstract</summary>

        The folded abstract.

        </details>

        ### Paper With One Line Fold

        <details><summary>TL;DR</summary>Short version.</details>
        """, """
        paper 'Paper With Folded Abstract' abstract='The folded abstract.'
        paper 'Paper With One Line Fold' abstract='Short version.'
        """);

    [Test]
    public void Details_without_abstract() => Check("""
        <details>
        <summary>Lonely Summary</summary>
        </details>
        """, """
        paper 'Lonely Summary'
        PD004 'Lonely Summary'
        """);

    [Test]
    public void Link_lines_give_arxiv_ids_and_repositories() => Check("""
        ### Versioned Link Paper

        An abstract.

        [arXiv](https://arxiv.org/abs/2406.11912v2) | [Code](https://github.com/o/r)
        """, """
        paper 'Versioned Link Paper' abstract='An abstract.' arxiv=2406.11912 links=paper,repo
        """);

    [Test]
    public void Notes_with_tags() => Check("""
        ### Annotated Paper

        The abstract.

        > #toread looks useful for #retrieval
        > second note line
        """, """
        paper 'Annotated Paper' abstract='The abstract.' notes=2 tags=toread,retrieval status=ToRead
        """, Dialect.Markdown | Dialect.Annotated);

    [Test]
    public void Suppression_marker_allows_one_repeat() => Check("""
        ## Topic A

        ### Shared Paper

        Shared abstract.

        ## Topic B

        <!-- paperlsp: allow-duplicate -->
        ### Shared Paper

        Shared abstract.

        **Bold Shared Paper** <!-- paperlsp: allow-duplicate -->
        Inline marker.
        """, """
        section 'Topic A'
          paper 'Shared Paper' abstract='Shared abstract.'
        section 'Topic B'
          paper 'Shared Paper' abstract='Shared abstract.' allow-duplicate
          paper 'Bold Shared Paper' abstract='Inline marker.' allow-duplicate
        """);

    [Test]
    public void Suppression_marker_under_a_title_means_that_title() => Check("""
        ### Marked Below

        <!-- paperlsp: allow-duplicate -->

        Its abstract.
        """, """
        paper 'Marked Below' abstract='Its abstract.' allow-duplicate
        """);

    [Test]
    public void File_suppression_marker()
    {
        var doc = DigestParser.Parse("<!-- paperlsp: allow-duplicates-file -->\n\n### Any Paper\n\nAbstract.\n", "x.md");
        Assert.That(doc.AllowsDuplicates, Is.True);
        Assert.That(doc.Papers.Single().DuplicateAllowed, Is.True);
    }

    [Test]
    public void A_heading_with_no_abstract_is_reported() => Check("""
        ### Title Without Abstract

        ### Title With Abstract

        Here it is.

        **Bold Without Abstract**

        [arXiv](https://arxiv.org/abs/2405.00005)
        """, """
        paper 'Title Without Abstract'
        paper 'Title With Abstract' abstract='Here it is.'
        paper 'Bold Without Abstract' arxiv=2405.00005 links=paper
        PD004 'Title Without Abstract'
        PD004 'Bold Without Abstract'
        """);

    [Test]
    public void Line_kinds_and_owners() => CheckLines("""
        # Digest
        Intro text.

        ## Topic
        <!-- paperlsp: allow-duplicate -->
        ### First Paper
        Abstract line.
        [arXiv](https://arxiv.org/abs/2406.11912)
        > #read

        **Second Paper**
        Second abstract.

        | Title | Abstract |
        |---|---|
        | Row Paper | Row abstract. |

        <details>
        <summary>Folded Paper</summary>
        Folded abstract.
        </details>
        """, """
        HeadingLine     -  # Digest
        TextLine        -  Intro text.
        BlankLine       -  
        HeadingLine     -  ## Topic
        SuppressionLine 0  <!-- paperlsp: allow-duplicate -->
        TitleLine       0  ### First Paper
        AbstractLine    0  Abstract line.
        LinkLine        0  [arXiv](https://arxiv.org/abs/2406.11912)
        NoteLine        0  > #read
        BlankLine       0  
        TitleLine       1  **Second Paper**
        AbstractLine    1  Second abstract.
        BlankLine       1  
        TableLine       1  | Title | Abstract |
        TableLine       1  |---|---|
        TitleLine       2  | Row Paper | Row abstract. |
        BlankLine       2  
        HtmlLine        3  <details>
        TitleLine       3  <summary>Folded Paper</summary>
        AbstractLine    3  Folded abstract.
        HtmlLine        3  </details>
        """);
}
