namespace PaperLsp.Server.Tests.Support;

/// <summary>A fixture with a `$0` cursor: the text without the marker, and the cursor's line and UTF-16 column.</summary>
public sealed record Cursor(string Text, int Line, int Character)
{
    public static Cursor Parse(string fixture)
    {
        int at = fixture.IndexOf("$0", StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException("the fixture has no $0 cursor", nameof(fixture));
        string before = fixture[..at];
        int line = before.Count(c => c == '\n');
        int column = at - (before.LastIndexOf('\n') + 1);
        return new Cursor(fixture.Remove(at, 2), line, column);
    }

    public string Position => $$"""{"line":{{Line}},"character":{{Character}}}""";
}
