using PaperLsp.Core.Fixes;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests.Fixes;

public class EditsTests
{
    private static SpanEdit E(int start, int length, string text) => new(new TextSpan(start, length), text);

    [Test]
    public void Overlapping_edits_are_refused_and_the_text_is_left_alone()
    {
        Assert.Throws<ArgumentException>(() => Edits.Apply("abcdef", [E(1, 3, "x"), E(2, 1, "y")]));
        Assert.Throws<ArgumentException>(() => Edits.Apply("abcdef", [E(2, 0, "x"), E(2, 0, "y")]), "two insertions at one offset have no order");
        Assert.Throws<ArgumentException>(() => Edits.Apply("abc", [E(2, 5, "x")]), "past the end");
    }

    [Test]
    public void Adjacent_edits_and_an_insertion_before_a_replacement_apply_in_text_order()
    {
        Assert.That(Edits.Apply("abcdef", [E(3, 2, "Y"), E(0, 3, "X"), E(3, 0, "+")]), Is.EqualTo("X+Yf"));
    }

    [Test]
    public void Shrinking_keeps_only_what_changes_and_never_cuts_a_surrogate_pair()
    {
        Assert.That(Edits.Shrink("the cat sat", E(0, 11, "the hat sat")), Is.EqualTo(E(4, 1, "h")));
        // 𝔸 (U+1D538) and 𝔹 (U+1D539) share their high surrogate: the edit must still replace the whole character.
        Assert.That(Edits.Shrink("a𝔸b", E(0, 4, "a𝔹b")), Is.EqualTo(E(1, 2, "𝔹")));
        Assert.That(Edits.Shrink("x😀😁", E(1, 4, "😀😀")).Span.Start % 1, Is.Zero);
        var s = Edits.Shrink("x😀😁", E(1, 4, "😀😀"));
        Assert.That(char.IsLowSurrogate("x😀😁"[s.Span.Start]), Is.False);
        Assert.That(char.IsLowSurrogate("x😀😁"[s.Span.End - 1]) || s.Span.End == "x😀😁".Length, Is.True);
    }

    [Test]
    public void Composed_edits_equal_the_two_lists_applied_in_turn()
    {
        var rng = new Random(5);
        for (int run = 0; run < 3000; run++)
        {
            string t0 = Random(rng, rng.Next(0, 30));
            var first = RandomEdits(rng, t0.Length);
            string t1 = Edits.Apply(t0, first);
            var second = RandomEdits(rng, t1.Length);
            string t2 = Edits.Apply(t1, second);
            var composed = Edits.Compose(t0, first, second);
            Assert.That(Edits.Apply(t0, composed), Is.EqualTo(t2), $"run {run}: '{t0}' [{string.Join(", ", first)}] then [{string.Join(", ", second)}] gave [{string.Join(", ", composed)}]");
        }
    }

    private static string Random(Random rng, int n) => new([.. Enumerable.Range(0, n).Select(_ => "ab\n "[rng.Next(4)])]);

    private static List<SpanEdit> RandomEdits(Random rng, int length)
    {
        var edits = new List<SpanEdit>();
        int at = 0;
        while (at <= length && rng.Next(4) != 0)
        {
            int start = at + rng.Next(0, 4);
            if (start > length) break;
            int len = Math.Min(rng.Next(0, 4), length - start);
            string text = Random(rng, rng.Next(0, 3));
            if (len == 0 && text.Length == 0) text = "z";
            edits.Add(new SpanEdit(new TextSpan(start, len), text));
            at = start + Math.Max(len, 1);
        }
        return edits;
    }
}
