namespace PaperLsp.Core.Tests.Support;

/// <summary>A test text with an optional `$0` cursor marker, removed from the text.</summary>
public sealed record Fixture(string Text, int Cursor)
{
    public const string Marker = "$0";

    public static Fixture Parse(string fixture)
    {
        int at = fixture.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? new Fixture(fixture, -1) : new Fixture(fixture.Remove(at, Marker.Length), at);
    }

    /// <summary>Raw string literals are LF; the same fixture with CRLF line ends.</summary>
    public static string Crlf(string text) => text.Replace("\r\n", "\n").Replace("\n", "\r\n");
}
