using PaperLsp.Core.Text;

namespace PaperLsp.Core.Tests;

/// <summary>A text edited piece by piece must read exactly like the string the same edits make.</summary>
public class SourceTextTests
{
    private static readonly string[] Inserts = ["", "x", "yz", "\n", "\r", "\r\n", "ab\ncd", "\n\n", "𝔸", "\uFEFF", "line\r\nline\n"];

    [Test]
    public void Random_edits_read_like_the_same_edits_on_a_string([Values(1, 2, 3)] int seed)
    {
        var rng = new Random(seed);
        string expected = string.Join("\n", Enumerable.Range(0, 300).Select(i => $"line {i} " + new string('w', i % 17)));
        var text = SourceText.From(expected);
        int mostPieces = 0;
        for (int i = 0; i < 2000; i++)
        {
            int start = rng.Next(expected.Length + 1);
            int removed = Math.Min(rng.Next(0, 3) == 0 ? rng.Next(0, 60) : rng.Next(0, 3), expected.Length - start);
            string inserted = Inserts[rng.Next(Inserts.Length)];
            expected = string.Concat(expected.AsSpan(0, start), inserted, expected.AsSpan(start + removed));
            text = text.Replace(start, removed, inserted);
            mostPieces = Math.Max(mostPieces, text.PieceCount);

            Assert.That(text.Length, Is.EqualTo(expected.Length), $"edit {i}");
            for (int probe = 0; probe < 8 && expected.Length > 0; probe++)
            {
                int at = rng.Next(expected.Length);
                Assert.That(text[at], Is.EqualTo(expected[at]), $"edit {i}, char {at}");
                int length = rng.Next(0, Math.Min(200, expected.Length - at) + 1);
                Assert.That(text.AsSpan(at, length).ToString(), Is.EqualTo(expected.Substring(at, length)), $"edit {i}, span at {at}");
                var window = text.Window(new TextSpan(at, length), before: 1);
                Assert.That(window.Substring(at, length), Is.EqualTo(expected.Substring(at, length)), $"edit {i}, window at {at}");
                if (at > 0) Assert.That(window[at - 1], Is.EqualTo(expected[at - 1]), $"edit {i}, the character before a window");
            }
            Assert.That(string.Concat(text.Chunks().Select(c => c.ToString())), Is.EqualTo(expected), $"edit {i}: pieces");
        }
        Assert.That(mostPieces, Is.GreaterThan(10), "the edits must have left the text in pieces");
        Assert.That(text.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void An_edit_copies_the_lines_it_touches_and_shares_the_rest()
    {
        string big = string.Concat(Enumerable.Repeat("a line of a large document\n", 40_000));
        var text = SourceText.From(big).Replace(500_000, 1, "Z");
        Assert.That(text.PieceCount, Is.EqualTo(3));
        Assert.That(text.Chunks().Select(c => c.Length).Max(), Is.GreaterThan(500_000), "the untouched text is shared, not copied");
        Assert.That(text.Chunks().ElementAt(1).ToString(), Does.EndWith("\n").And.Length.LessThan(60), "only the edited line is new");
        var typedAgain = text.Replace(500_001, 0, "Y");
        Assert.That(typedAgain.PieceCount, Is.EqualTo(3), "typing on the same line replaces its piece");
    }

    [Test]
    public void Each_line_lies_in_one_piece_after_edits_on_many_lines()
    {
        string expected = string.Concat(Enumerable.Range(0, 3000).Select(i => $"paper {i}\r\n"));
        var text = SourceText.From(expected);
        var rng = new Random(7);
        for (int i = 0; i < 500; i++)
        {
            int at = rng.Next(expected.Length);
            expected = expected.Insert(at, "q");
            text = text.Replace(at, 0, "q");
        }
        int origin = 0;
        foreach (var chunk in text.Chunks())
        {
            Assert.That(origin == 0 || expected[origin - 1] is '\n' or '\r', $"a piece starts mid-line at {origin}");
            origin += chunk.Length;
        }
    }

    [Test]
    public void Many_scattered_edits_keep_the_pieces_bounded()
    {
        string expected = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"entry {i}\n"));
        var text = SourceText.From(expected);
        for (int i = 0; i < 6000; i++)
        {
            int at = (int)((long)i * 7919 % expected.Length);
            expected = expected.Insert(at, "k");
            text = text.Replace(at, 0, "k");
            Assert.That(text.PieceCount, Is.LessThanOrEqualTo(SourceText.MaxPieces + 2), $"edit {i}");
        }
        Assert.That(text.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Out_of_range_reads_and_edits_throw()
    {
        var text = SourceText.From("abc\ndef");
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = text[7]);
            Assert.Throws<ArgumentOutOfRangeException>(() => text.Substring(5, 3));
            Assert.Throws<ArgumentOutOfRangeException>(() => text.Replace(-1, 0, "x"));
            Assert.Throws<ArgumentOutOfRangeException>(() => text.Replace(6, 2, "x"));
        });
        Assert.That(text.Replace(0, 7, "").Length, Is.Zero);
        Assert.That(SourceText.Empty.Replace(0, 0, "new").ToString(), Is.EqualTo("new"));
    }
}
