using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Tests.Support;

namespace PaperLsp.Core.Tests;

/// <summary>Duplicates across the files of a workspace, as multi-file fixtures (issue 5).</summary>
public class WorkspaceDuplicateTests
{
    private const string Abstract = "We study the problem of learning sparse graphs from point clouds and show that a simple estimator recovers the structure with few samples.";
    private const string Other = "A benchmark of retrieval agents that plan over long horizons, with a study of their failure modes and costs.";

    private static string Check(string fixture) =>
        MultiFileFixture.Render(MultiFileFixture.Workspace(fixture), DiagnosticCodes.Duplicate, DiagnosticCodes.NearDuplicate);

    [Test]
    public void An_exact_copy_in_another_file_is_flagged_in_both()
    {
        Assert.That(Check($"""
            //- /a.digest
            Sparse Graph Learning from Point Clouds

            {Abstract}
            //- /b.digest
            Retrieval Agents Benchmark

            {Other}

            Sparse Graph Learning from Point Clouds

            {Abstract}
            """), Is.EqualTo("""
            /a.digest:1 PD001 Duplicate paper (same title): also at /b.digest:5
            /b.digest:5 PD001 Duplicate paper (same title): also at /a.digest:1
            """));
    }

    [Test]
    public void Near_copies_across_files_carry_their_similarity()
    {
        Assert.That(Check($"""
            //- /a.digest
            Sparse Graph Learning from Noisy Point Clouds at Scale

            {Abstract}
            //- /b.digest
            Sparse Graph Learning from Clean Point Clouds at Scale

            {Other}
            """), Is.EqualTo("""
            /a.digest:1 PD002 Probably the same paper as /b.digest:1 (nearly the same title, 89% similar): "Sparse Graph Learning from Clean Point Clouds at Scale"
            /b.digest:1 PD002 Probably the same paper as /a.digest:1 (nearly the same title, 89% similar): "Sparse Graph Learning from Noisy Point Clouds at Scale"
            """));
    }

    [Test]
    public void The_same_abstract_under_another_title_is_a_near_copy()
    {
        Assert.That(Check($"""
            //- /a.digest
            Learning Sparse Graphs

            {Abstract}
            //- /b.digest
            Recovering Structure from Few Samples

            {Abstract}
            """), Does.Contain("/a.digest:1 PD002 Probably the same paper as /b.digest:1 (the same abstract under another title, 100% similar)"));
    }

    [Test]
    public void A_truncated_or_reordered_title_is_a_near_copy()
    {
        string result = Check($"""
            //- /a.digest
            Sparse Graph Learning from Noisy Point Clouds

            {Abstract}

            Agents Retrieval Benchmark Long Horizons

            {Other}
            //- /b.md
            ## Sparse Graph Learning from Noisy

            Something else entirely about this topic, written differently, so that only the title matters here.

            ## Retrieval Agents Benchmark Long Horizons

            A second text that shares nothing with the first abstract, about planning agents and their costs.
            """);
        Assert.That(result, Does.Contain("/a.digest:1 PD002 Probably the same paper as /b.md:1 (a truncated title"));
        Assert.That(result, Does.Contain("/a.digest:5 PD002 Probably the same paper as /b.md:5 (the same title words in another order, 100% similar)"));
    }

    [Test]
    public void Suppression_markers_work_in_plain_text_and_markdown()
    {
        Assert.That(Check($"""
            //- /a.digest
            Sparse Graph Learning from Point Clouds

            {Abstract}
            //- /b.digest
            <!-- paperlsp: allow-duplicate -->
            Sparse Graph Learning from Point Clouds

            {Abstract}
            //- /c.md
            <!-- paperlsp: allow-duplicate -->
            ## Sparse Graph Learning from Point Clouds

            {Abstract}
            //- /d.md
            <!-- paperlsp: allow-duplicates-file -->

            ## Sparse Graph Learning from Point Clouds

            {Abstract}
            """), Is.Empty, "every repeat is marked as deliberate, so the one left has no copy to be warned about");
    }

    [Test]
    public void A_plain_text_copy_and_a_markdown_copy_are_the_same_paper()
    {
        Assert.That(Check($"""
            //- /list.digest
            Sparse Graph Learning from Point Clouds

            {Abstract}
            //- /topics.digest.md
            # Graphs

            ## Sparse Graph Learning from Point Clouds

            {Abstract}
            """), Is.EqualTo("""
            /list.digest:1 PD001 Duplicate paper (same title): also at /topics.digest.md:3
            /topics.digest.md:3 PD001 Duplicate paper (same title): also at /list.digest:1
            """));
    }
}
