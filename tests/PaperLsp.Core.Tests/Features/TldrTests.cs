using PaperLsp.Core.Features;

namespace PaperLsp.Core.Tests.Features;

public class TldrTests
{
    private const string Abstract =
        "Large vision models have shown remarkable progress on many tasks. However, they remain expensive to run on edge devices. " +
        "Most prior methods prune weights after training, which hurts accuracy. In this work, we propose Folding, a method that merges " +
        "redundant attention heads while the model trains. Folding outperforms magnitude pruning and runs 3.1x faster, reaching 76.2% " +
        "top-1 accuracy on ImageNet. We also discuss limitations. Code is available at https://github.com/folding-lab/folding.";

    [Test]
    public void The_summary_is_the_contribution_and_the_result_not_the_first_two_sentences()
    {
        Assert.That(Tldr.Of(Abstract), Is.EqualTo(new[]
        {
            "In this work, we propose Folding, a method that merges redundant attention heads while the model trains.",
            "Folding outperforms magnitude pruning and runs 3.1x faster, reaching 76.2% top-1 accuracy on ImageNet.",
        }));
    }

    [Test]
    public void Ranking_marks_contribution_and_result_and_pushes_background_and_boilerplate_down()
    {
        var ranked = Tldr.Rank(Abstract);
        Assert.That(ranked, Has.Count.EqualTo(7));
        Assert.That(ranked[3].Contribution, Is.True);
        Assert.That(ranked[4].Result, Is.True);
        var order = ranked.OrderByDescending(s => s.Score).Select(s => s.Index).ToList();
        Assert.That(order.Take(2), Is.EquivalentTo(new[] { 3, 4 }));
        Assert.That(order[^1], Is.EqualTo(6), "the code-availability sentence ranks last");
        Assert.That(ranked[1].Score, Is.LessThan(ranked[3].Score));
    }

    [Test]
    public void A_result_sentence_is_completed_by_the_best_contribution_even_when_it_comes_late()
    {
        const string text = "We achieve 91.0% accuracy on CIFAR-100 and 78.4% on ImageNet, outperforming all baselines. " +
            "Training is stable across seeds. We introduce a curriculum that orders examples by gradient noise.";
        Assert.That(Tldr.Of(text), Is.EqualTo(new[]
        {
            "We achieve 91.0% accuracy on CIFAR-100 and 78.4% on ImageNet, outperforming all baselines.",
            "We introduce a curriculum that orders examples by gradient noise.",
        }));
    }

    [Test]
    public void Without_any_cue_the_opening_sentence_alone_is_the_summary()
    {
        const string text = "A lighthouse stands at the edge of the bay. Its keeper writes letters to the town. Nobody reads them.";
        Assert.That(Tldr.Of(text), Is.EqualTo(new[] { "A lighthouse stands at the edge of the bay." }));
    }

    [Test]
    public void At_most_the_asked_number_and_nothing_for_an_empty_abstract()
    {
        Assert.That(Tldr.Of(Abstract, 1), Has.Count.EqualTo(1));
        Assert.That(Tldr.Of(""), Is.Empty);
        Assert.That(Tldr.Of("   "), Is.Empty);
    }

    [Test]
    public void Sentences_do_not_break_at_abbreviations_initials_or_decimals()
    {
        const string text = "Methods (e.g. pruning) fail, as shown by Smith et al. in 2021. J. Doe measured 96.0% accuracy. Why? Because 3.5x is slow!";
        Assert.That(Tldr.Sentences(text), Is.EqualTo(new[]
        {
            "Methods (e.g. pruning) fail, as shown by Smith et al. in 2021.",
            "J. Doe measured 96.0% accuracy.",
            "Why?",
            "Because 3.5x is slow!",
        }));
    }

    [Test]
    public void A_very_long_sentence_is_cut_at_a_word_with_an_ellipsis()
    {
        string text = "We propose " + string.Join(' ', Enumerable.Repeat("longword", 80)) + ".";
        var summary = Tldr.Of(text).Single();
        Assert.That(summary, Has.Length.LessThanOrEqualTo(Tldr.MaxSentenceLength + 1));
        Assert.That(summary, Does.EndWith("longword…"));
    }
}
