using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests;

public class QuantityTests
{
    [TestCase(0, "paper", null, "0 papers")]
    [TestCase(1, "paper", null, "1 paper")]
    [TestCase(2, "warning", null, "2 warnings")]
    [TestCase(118000, "paper", null, "118000 papers")]
    [TestCase(2300, "word", "N0", "2,300 words")]
    [TestCase(1, "vote", "N0", "1 vote")]
    public void A_count_and_its_noun(long count, string noun, string? format, string expected) =>
        Assert.That(Quantity.Of(count, noun, format), Is.EqualTo(expected));

    [TestCase(1, "minute")]
    [TestCase(3, "minutes")]
    public void The_noun_alone(long count, string expected) => Assert.That(Quantity.Noun(count, "minute"), Is.EqualTo(expected));
}
