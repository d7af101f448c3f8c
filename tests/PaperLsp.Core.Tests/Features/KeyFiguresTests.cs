using PaperLsp.Core.Features;

namespace PaperLsp.Core.Tests.Features;

public class KeyFiguresTests
{
    private static string[] Figures(string text) => KeyFigures.Of(text).Select(f => f.ToString()).ToArray();

    [Test]
    public void Percentages_keep_their_change_and_the_benchmark_named_after_them()
    {
        Assert.That(Figures("Our model reaches 91.2% (+2.5%) on ModelNet40, 88.0% (-0.4%) on ScanObjectNN, and 70.1% on the FG3D dataset."),
            Is.EqualTo(new[] { "91.2% (+2.5%) on ModelNet40", "88.0% (-0.4%) on ScanObjectNN", "70.1% on FG3D" }));
    }

    [TestCase("we reach 81.5% (+1.0%) mIoU on ShapeNet", "81.5% (+1.0%) on ShapeNet")]
    [TestCase("reaching 76.2% top-1 accuracy on ImageNet", "76.2% on ImageNet")]
    public void Metric_words_between_a_percentage_and_its_benchmark_are_skipped(string text, string expected) =>
        Assert.That(Figures(text), Is.EqualTo(new[] { expected }));

    [TestCase("It runs 5.2x faster than FlashAttention.", "5.2x faster")]
    [TestCase("with 10× fewer parameters", "10× fewer")]
    [TestCase("a 4-fold speedup", "4-fold speedup")]
    [TestCase("decoding is 3 times faster", "3 times faster")]
    [TestCase("shrinking prompts 5x with no drop", "5x")]
    public void Factors_are_figures(string text, string expected) =>
        Assert.That(Figures(text), Is.EqualTo(new[] { expected }));

    [TestCase("a score of 45.3 BLEU on WMT14", "45.3 BLEU")]
    [TestCase("we obtain 81.5 mIoU", "81.5 mIoU")]
    [TestCase("it scores 62.7 on MMLU", "62.7 on MMLU")]
    [TestCase("cuts retrieval calls by 41 percent", "41 percent")]
    public void Numbers_next_to_benchmarks_and_metrics_are_figures(string text, string expected) =>
        Assert.That(Figures(text), Is.EqualTo(new[] { expected }));

    [TestCase("We train 3D and 2D models on 8 GPUs over 3 benchmarks in 2024 with x86 CPUs.")]
    [TestCase("GPT-4 and LLaMA models were released.")]
    [TestCase("")]
    public void Counts_years_and_names_alone_are_not_figures(string text) =>
        Assert.That(Figures(text), Is.Empty);

    [Test]
    public void Figures_are_capped_and_not_repeated()
    {
        Assert.That(Figures("1% 2% 3% 4% 5% 6% 7% 8% 9% 10%"), Has.Length.EqualTo(8));
        Assert.That(Figures("It gains 5% here and 5% there."), Is.EqualTo(new[] { "5%" }));
    }

    [TestCase("ModelNet40", true)]
    [TestCase("CIFAR-10", true)]
    [TestCase("ImageNet", true)]
    [TestCase("COCO", true)]
    [TestCase("GPUs", false)]
    [TestCase("LLMs", false)]
    [TestCase("model", false)]
    public void Benchmark_names(string word, bool expected) =>
        Assert.That(KeyFigures.IsBenchmarkName(word), Is.EqualTo(expected));
}
