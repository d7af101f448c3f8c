using PaperLsp.Core.Text;
using PaperLsp.Core.Tests.Support;

namespace PaperLsp.Core.Tests;

public class LineIndexTests
{
    [TestCase("ab\ncd$0e", 1, 2)]
    [TestCase("ab\r\ncd$0e", 1, 2)]
    [TestCase("ab\rc$0d", 1, 1)]
    [TestCase("\uFEFFa$0b\nc", 0, 1)]
    [TestCase("𝔸📜$0x", 0, 4)]
    [TestCase("$0", 0, 0)]
    [TestCase("a\n$0", 1, 0)]
    public void Offsets_map_to_utf16_positions_and_back(string fixture, int line, int column)
    {
        var f = Fixture.Parse(fixture);
        var index = LineIndex.Create(f.Text);
        Assert.That(index.GetPosition(f.Cursor), Is.EqualTo(new LinePosition(line, column)));
        Assert.That(index.GetOffset(new LinePosition(line, column), f.Text), Is.EqualTo(f.Cursor));
    }

    [Test]
    public void Positions_past_a_line_clamp_to_its_end_before_the_break()
    {
        const string text = "ab\r\ncd";
        var index = LineIndex.Create(text);
        Assert.That(index.GetOffset(new LinePosition(0, 99), text), Is.EqualTo(2));
        Assert.That(index.GetOffset(new LinePosition(7, 0), text), Is.EqualTo(text.Length));
        Assert.That(index.GetPosition(999), Is.EqualTo(new LinePosition(1, 2)));
    }

    [Test]
    public void Line_splitter_tiles_the_text_with_every_kind_of_break()
    {
        const string text = "a\r\nb\rc\n\nd";
        var lines = LineSplitter.Split(text);
        Assert.That(lines.Select(l => text.Substring(l.Start, l.ContentLength)), Is.EqualTo(new[] { "a", "b", "c", "", "d" }));
        Assert.That(lines.Select(l => l.BreakLength), Is.EqualTo(new[] { 2, 1, 1, 1, 0 }));
        Assert.That(lines.Sum(l => l.Full.Length), Is.EqualTo(text.Length));
    }
}

public class LineIndexClampTests
{
    [Test]
    public void A_column_at_uintegers_maximum_means_the_end_of_the_line()
    {
        const string text = "\uFEFFab\ncd";
        var index = LineIndex.Create(text);
        Assert.That(index.GetOffset(new LinePosition(0, int.MaxValue), text), Is.EqualTo(3));
        Assert.That(index.GetOffset(new LinePosition(1, int.MaxValue), text), Is.EqualTo(text.Length));
    }
}

public class LineIndexFromLinesTests
{
    [TestCase("")]
    [TestCase("a")]
    [TestCase("a\n")]
    [TestCase("\uFEFFa\r\nb\rc\n\n")]
    [TestCase("\n\n")]
    public void An_index_from_split_lines_equals_one_from_scanning(string text)
    {
        int bom = text.StartsWith('\uFEFF') ? 1 : 0;
        var scanned = LineIndex.Create(text);
        var fromLines = LineIndex.FromLines(LineSplitter.Split(text, bom), text);
        Assert.That(fromLines.LineCount, Is.EqualTo(scanned.LineCount));
        for (int offset = 0; offset <= text.Length; offset++)
            Assert.That(fromLines.GetPosition(offset), Is.EqualTo(scanned.GetPosition(offset)), $"offset {offset}");
    }
}

public class LineIndexEditTests
{
    [Test]
    public void An_edited_index_equals_one_scanned_from_the_new_text()
    {
        string[] pieces = ["", "a", "\n", "\r", "\r\n", "xy\nz", "\n\n", "\uFEFF", "𝔸"];
        var rng = new Random(5);
        string text = "ab\r\ncd\ref\n\ngh";
        var index = LineIndex.Create(text);
        for (int i = 0; i < 3000; i++)
        {
            int start = rng.Next(text.Length + 1);
            int removed = Math.Min(rng.Next(0, 4), text.Length - start);
            string inserted = pieces[rng.Next(pieces.Length)] + pieces[rng.Next(pieces.Length)];
            string next = string.Concat(text.AsSpan(0, start), inserted, text.AsSpan(start + removed));
            index = index.Edited(new TextChange(start, removed, inserted.Length), next);
            var expected = LineIndex.Create(next);
            Assert.That(index.LineCount, Is.EqualTo(expected.LineCount), $"edit {i}: {System.Text.Json.JsonSerializer.Serialize(next)}");
            for (int line = 0; line < expected.LineCount; line++)
                Assert.That(index.LineStart(line), Is.EqualTo(expected.LineStart(line)), $"edit {i} line {line}: {System.Text.Json.JsonSerializer.Serialize(next)}");
            text = next.Length > 200 ? next[..100] : next;
            if (text != next) index = LineIndex.Create(text);
        }
    }
}

public class LineIndexHintTests
{
    [Test]
    public void A_position_found_from_a_hint_equals_one_found_by_search()
    {
        string text = "\uFEFFab\r\ncd\ref\n\n" + string.Concat(Enumerable.Range(0, 50).Select(i => new string('x', i % 7) + "\n"));
        var index = LineIndex.Create(text);
        var rng = new Random(3);
        int hint = -1;
        for (int i = 0; i < 2000; i++)
        {
            // Mostly ascending, as an outline asks, with jumps back and stale hints in between.
            int offset = i % 10 == 9 ? rng.Next(-2, text.Length + 3) : Math.Min(text.Length, i % 200 * text.Length / 200 + rng.Next(0, 3));
            if (i % 37 == 0) hint = rng.Next(-5, index.LineCount + 5);
            Assert.That(index.GetPosition(offset, ref hint), Is.EqualTo(index.GetPosition(offset)), $"offset {offset}");
        }
    }
}
