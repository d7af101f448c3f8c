using PaperLsp.Core.Duplicates;

namespace PaperLsp.Core.Tests;

public class AbstractFingerprintTests
{
    private const string Abstract =
        "We study how large language models reason over long contexts and propose a retrieval step that keeps accuracy at 128k tokens while halving the cost of inference.";

    [Test]
    public void Copies_that_differ_in_case_spacing_and_punctuation_share_a_fingerprint()
    {
        string damaged = Abstract.ToUpperInvariant().Replace(" ", "  \n", StringComparison.Ordinal).Replace("128k", "128-k", StringComparison.Ordinal);
        Assert.That(AbstractFingerprint.Of(damaged), Is.EqualTo(AbstractFingerprint.Of(Abstract)));
    }

    [Test]
    public void A_changed_word_or_a_moved_letter_changes_it()
    {
        var original = AbstractFingerprint.Of(Abstract);
        Assert.Multiple(() =>
        {
            Assert.That(AbstractFingerprint.Of(Abstract.Replace("halving", "doubling", StringComparison.Ordinal)), Is.Not.EqualTo(original));
            Assert.That(AbstractFingerprint.Of(Abstract.Replace("reason", "raeson", StringComparison.Ordinal)), Is.Not.EqualTo(original));
            Assert.That(AbstractFingerprint.Of(Abstract.Replace("128k", "129k", StringComparison.Ordinal)), Is.Not.EqualTo(original));
        });
    }

    [Test]
    public void Only_the_first_300_letters_and_digits_count()
    {
        string head = string.Concat(Enumerable.Repeat("abcde ", 60)); // exactly 300 letters
        Assert.Multiple(() =>
        {
            Assert.That(AbstractFingerprint.Of(head + "one ending"), Is.EqualTo(AbstractFingerprint.Of(head + "another ending")));
            Assert.That(AbstractFingerprint.Of("x" + head), Is.Not.EqualTo(AbstractFingerprint.Of(head)));
        });
    }

    [Test]
    public void Fewer_than_80_letters_and_digits_give_none()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AbstractFingerprint.Of(new string('a', 79) + " !!! ... ---"), Is.Null);
            Assert.That(AbstractFingerprint.Of(new string('a', 80)), Is.Not.Null);
            Assert.That(AbstractFingerprint.Of(""), Is.Null);
        });
    }

    [Test]
    public void Letters_beyond_ASCII_are_lower_cased_and_kept()
    {
        string accented = "Über die Äquivalenz " + Abstract;
        Assert.Multiple(() =>
        {
            Assert.That(AbstractFingerprint.Of(accented), Is.EqualTo(AbstractFingerprint.Of("über die äquivalenz " + Abstract)));
            Assert.That(AbstractFingerprint.Of(accented), Is.Not.EqualTo(AbstractFingerprint.Of("Uber die Aquivalenz " + Abstract)));
        });
    }

    [Test]
    public void Many_different_abstracts_never_share_one()
    {
        // 50,000 abstracts one number apart: a digest that dropped bits or positions would collide here.
        var seen = new HashSet<AbstractFingerprint>();
        for (int i = 0; i < 50_000; i++)
            Assert.That(seen.Add(AbstractFingerprint.Of($"{Abstract} Measured on {i} benchmarks.")!.Value), Is.True, $"abstract {i}");
    }
}
