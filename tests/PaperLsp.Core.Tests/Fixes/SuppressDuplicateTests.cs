using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Core.Workspace;
using static PaperLsp.Core.Tests.Fixes.Abstracts;

namespace PaperLsp.Core.Tests.Fixes;

public class SuppressDuplicateTests
{
    [Test]
    public void The_marker_goes_on_the_line_before_the_title_and_silences_the_copy()
    {
        string after = $"""
            Alpha: A First Paper

            {A}

            <!-- paperlsp: allow-duplicate -->
            Alpha: A First Paper

            {A}

            """;
        FixFixture.Check($"""
            Alpha: A First Paper

            {A}

            [||]$0Alpha: A First Paper

            {A}

            """, "suppress-PD001", after);
        var doc = DigestParser.Parse(after, "x.digest");
        Assert.That(new WorkspaceSnapshot([("x.digest", doc)]).ProblemsOf("x.digest").Select(p => p.Code), Does.Not.Contain(DiagnosticCodes.Duplicate));
    }

    [Test]
    public void Before_the_card_of_a_page_copy_entry()
    {
        FixFixture.Check($"""
            Daily Papers
            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            {A}
            [||][-] 7
            https://huggingface.co/papers/2502.01234
            $0Folded Attention: Linear-Time Transformers
            {A}
            """, "suppress-PD001", $"""
            Daily Papers
            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            {A}
            <!-- paperlsp: allow-duplicate -->
            [-] 7
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            {A}
            """, "p.papers");
    }

    [Test]
    public void Before_a_markdown_bold_title()
    {
        FixFixture.Check($"""
            # List

            **Quiet Queries: Compressing Search Prompts**
            {A}

            [||]**Quiet Queries: $0Compressing Search Prompts**
            {A}

            """, "suppress-PD001", $"""
            # List

            **Quiet Queries: Compressing Search Prompts**
            {A}

            <!-- paperlsp: allow-duplicate -->
            **Quiet Queries: Compressing Search Prompts**
            {A}

            """, "l.md");
    }

    [Test]
    public void A_near_duplicate_can_be_kept_too()
    {
        FixFixture.Check($"""
            Tide: Streaming Graph Partitioning for Trillion-Edge Workloads

            {A}

            [||]$0Tide: Streaming Graph Partitioning for Billion-Edge Workloads

            {B}

            """, "suppress-PD002", $"""
            Tide: Streaming Graph Partitioning for Trillion-Edge Workloads

            {A}

            <!-- paperlsp: allow-duplicate -->
            Tide: Streaming Graph Partitioning for Billion-Edge Workloads

            {B}

            """);
    }
}
