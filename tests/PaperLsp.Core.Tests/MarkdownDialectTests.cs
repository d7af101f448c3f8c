using System.Text;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;

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

    [Test]
    public void LF_and_CRLF_give_the_same_papers_at_different_offsets()
    {
        const string lf = "## Topic\n\n### First Paper\n\nFirst abstract,\nwrapped.\n\n**Second Paper**\nSecond abstract.\n";
        string crlf = lf.Replace("\n", "\r\n");
        var a = DigestParser.Parse(lf, "x.md");
        var b = DigestParser.Parse(crlf, "x.md");
        Assert.That(Outline(b), Is.EqualTo(Outline(a)));
        Assert.That(b.Papers.Select(p => p.Title), Is.EqualTo(new[] { "First Paper", "Second Paper" }));
        Assert.That(b.Papers.Select(b.AbstractText), Is.EqualTo(a.Papers.Select(a.AbstractText)));
        Assert.That(b.Papers[1].TitleSpan.Start, Is.GreaterThan(a.Papers[1].TitleSpan.Start));
        Assert.That(b.Lines.GetPosition(b.Papers[1].TitleSpan.Start), Is.EqualTo(a.Lines.GetPosition(a.Papers[1].TitleSpan.Start)));
    }

    [Test]
    public void Astral_characters_in_titles()
    {
        var doc = DigestParser.Parse("### 🦙 Llamas over 𝔸-modules\n\nAbstract 🦙.\n\n**𝔹old 🚀 Title**\nAbstract.\n", "x.md");
        Assert.That(doc.Papers.Select(p => p.Title), Is.EqualTo(new[] { "🦙 Llamas over 𝔸-modules", "𝔹old 🚀 Title" }));
        var second = doc.Papers[1].TitleSpan;
        Assert.That(doc.Lines.GetPosition(second.End).Character - doc.Lines.GetPosition(second.Start).Character, Is.EqualTo(14));
        Assert.That(doc.Lines.GetPosition(second.Start).Character, Is.EqualTo(2));
    }

    [Test]
    public void A_tab_after_the_heading_marks() => Check("Intro.\n## \tTabbed Title **bold** ##\n\nAbstract.\n", """
        paper 'Tabbed Title **bold**' abstract='Abstract.'
        """);

    [Test]
    public void Latex_in_titles_is_kept_verbatim() => Check("""
        ### Sorting in $\mathcal{O}(n)$ with $x_i$ and $y_j$

        Abstract.
        """, """
        paper 'Sorting in $\mathcal{O}(n)$ with $x_i$ and $y_j$' abstract='Abstract.'
        """);

    [Test]
    public void A_byte_order_mark_is_kept_and_skipped()
    {
        const string text = "\uFEFF## Topic\n\n### Paper After BOM\n\nAbstract.\n";
        var doc = DigestParser.Parse(text, "x.md");
        Assert.That(Outline(doc), Is.EqualTo("section 'Topic'\n  paper 'Paper After BOM' abstract='Abstract.'"));
        Assert.That(doc.Root.Children[0].Kind, Is.EqualTo(SyntaxKind.ByteOrderMark));
        Assert.That(doc.Lines.GetPosition(doc.Sections[0].TitleSpan.Start).Character, Is.EqualTo(3));
        AssertLossless(doc, text);
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    [TestCase("\r")]
    public void Every_character_belongs_to_one_leaf(string newline)
    {
        string text = string.Join(newline,
            "\uFEFF# Digest", "", "## Topic", "<!-- paperlsp: allow-duplicate -->", "### Paper 🦙", "Abstract  ", "> #toread",
            "", "| Title | Abstract |", "|---|---|", "| Row | Cell |", "", "<details><summary>S</summary>", "x", "</details>",
            "- **Item**", "  text", "```", "code", "```", "---", "[ref]: https://example.org", "   ");
        AssertLossless(DigestParser.Parse(text, "x.md"), text);
    }

    private static IEnumerable<TestCaseData> HostileInputs()
    {
        yield return new TestCaseData(new string('>', 10_000) + " deep quote\n").SetName("Hostile_deep_quotes");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("- ", 10_000)) + "deep list\n").SetName("Hostile_deep_list");
        yield return new TestCaseData(string.Concat(Enumerable.Repeat("> - ", 3_000)) + "x\n").SetName("Hostile_quotes_in_lists");
        yield return new TestCaseData(new string('[', 5_000) + "x" + new string(']', 5_000) + "\n").SetName("Hostile_brackets");
        yield return new TestCaseData(new string('*', 5_000) + "x\n### T\n").SetName("Hostile_stars");
        yield return new TestCaseData("| Title |\n|---|---|---|\n| a | b | c | d |\n|\n||||\n").SetName("Hostile_malformed_table");
        yield return new TestCaseData("<details><summary>\n\n<summary><summary></summary>\n<details>\n<!-- open").SetName("Hostile_unclosed_html");
        yield return new TestCaseData("\0\uFFFF\uD800 ## \t#\r\r\n\t> *").SetName("Hostile_control_characters");
        yield return new TestCaseData("").SetName("Hostile_empty");
        yield return new TestCaseData("x](<b>\n## \t<summary>🦙</summary>\t<!--`").SetName("Hostile_tab_in_heading");
    }

    [TestCaseSource(nameof(HostileInputs))]
    public void Hostile_input_never_throws(string text)
    {
        var doc = DigestParser.Parse(text, "x.md");
        AssertLossless(doc, text);
        AssertPapersOwnTheirText(doc);
    }

    [Test]
    public void Nesting_beyond_Markdig_limit_falls_back_to_the_plain_reading()
    {
        var doc = DigestParser.Parse(new string('>', 1_000) + " x\n", "x.md");
        Assert.That(doc.Dialect.HasFlag(Dialect.Markdown), Is.False);
    }

    // ---- helpers ----

    private static void Check(string fixture, string expected, Dialect? dialect = null)
    {
        var doc = DigestParser.Parse(fixture, "x.md");
        Assert.That(Outline(doc), Is.EqualTo(expected.ReplaceLineEndings("\n").TrimEnd()));
        Assert.That(doc.Dialect, Is.EqualTo(dialect ?? Dialect.Markdown));
        AssertLossless(doc, fixture);
        AssertPapersOwnTheirText(doc);
    }

    /// <summary>Sections and papers in document order, indented by nesting; then the problems.</summary>
    private static string Outline(DigestDocument doc)
    {
        var entries = doc.Sections.Select(s => (s.Span.Start, Order: 0, Line: SectionLine(doc, s)))
            .Concat(doc.Papers.Select(p => (p.Span.Start, Order: 1, Line: PaperLine(doc, p))))
            .OrderBy(e => e.Start).ThenBy(e => e.Order);
        var lines = entries.Select(e => e.Line)
            .Concat(doc.Problems.Select(p => $"{p.Code} '{doc.Slice(p.Span)}'"));
        return string.Join('\n', lines);
    }

    private static string SectionLine(DigestDocument doc, Section s) =>
        $"{Indent(doc, s.ParentIndex)}{(s.Kind == SectionKind.Date ? "date" : "section")} '{s.Title}'";

    private static string PaperLine(DigestDocument doc, Paper p)
    {
        var b = new StringBuilder($"{Indent(doc, p.SectionIndex)}paper '{p.Title}'");
        if (p.HasAbstract) b.Append($" abstract='{Excerpt(doc.AbstractText(p))}'");
        if (p.ArxivId is { } arxiv) b.Append($" arxiv={arxiv}");
        if (p.Links.Count > 0) b.Append($" links={string.Join(',', p.Links.Select(l => LinkName(l.Kind)))}");
        if (p.Notes.Count > 0) b.Append($" notes={p.Notes.Count}");
        if (p.Tags.Count > 0) b.Append($" tags={string.Join(',', p.Tags)}");
        if (p.Status != PaperStatus.None) b.Append($" status={p.Status}");
        if (p.DuplicateAllowed) b.Append(" allow-duplicate");
        return b.ToString();
    }

    private static string Indent(DigestDocument doc, int section)
    {
        int depth = 0;
        for (int s = section; s >= 0; s = doc.Sections[s].ParentIndex) depth++;
        return new string(' ', 2 * depth);
    }

    private static string Excerpt(string text)
    {
        var words = text.Split(' ');
        return words.Length <= 4 ? text : string.Join(' ', words[..4]) + "…";
    }

    private static string LinkName(LinkKind kind) => kind switch
    {
        LinkKind.Repository => "repo",
        LinkKind.PaperPage => "paper",
        LinkKind.ProjectPage => "project",
        LinkKind.Pdf => "pdf",
        _ => "other",
    };

    /// <summary>Each line: its kind, the paper that owns it (or -), and its text.</summary>
    private static void CheckLines(string fixture, string expected)
    {
        var doc = DigestParser.Parse(fixture, "x.md");
        var lines = new List<string>();
        int paper = -1;
        void Walk(SyntaxNode node, int owner)
        {
            if (node.Kind == SyntaxKind.Paper) owner = ++paper;
            if (node.Kind is not (SyntaxKind.Document or SyntaxKind.Preamble or SyntaxKind.Section or SyntaxKind.Paper))
            {
                if (node.Kind == SyntaxKind.ByteOrderMark) return;
                lines.Add($"{node.Kind,-15} {(owner < 0 ? "-" : owner.ToString())}  {doc.Slice(node.Span).TrimEnd('\r', '\n')}");
                return;
            }
            foreach (var child in node.Children) Walk(child, owner);
        }
        Walk(doc.Root, -1);
        Assert.That(string.Join('\n', lines), Is.EqualTo(expected.ReplaceLineEndings("\n")));
        AssertLossless(doc, fixture);
    }

    private static void AssertLossless(DigestDocument doc, string text) =>
        Assert.That(string.Concat(doc.Root.Leaves().Select(l => doc.Slice(l.Span))), Is.EqualTo(text));

    private static void AssertPapersOwnTheirText(DigestDocument doc)
    {
        foreach (var p in doc.Papers)
        {
            Assert.That(p.Span.Start <= p.TitleSpan.Start && p.TitleSpan.End <= p.Span.End, $"title of paper {p.Index} outside its entry");
            if (p.HasAbstract)
                Assert.That(p.Span.Start <= p.AbstractSpan.Start && p.AbstractSpan.End <= p.Span.End, $"abstract of paper {p.Index} outside its entry");
        }
        for (int i = 1; i < doc.Papers.Count; i++)
            Assert.That(doc.Papers[i].Span.Start, Is.GreaterThanOrEqualTo(doc.Papers[i - 1].Span.End));
    }
}
