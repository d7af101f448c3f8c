namespace PaperLsp.Core.Text;

/// <summary>
/// Part of a document's text addressed by the document's own offsets: <c>window[i]</c> is the character at
/// offset <c>i</c> of the document, for <c>Origin ≤ i &lt; Length</c>. Lets code written for one whole
/// string read a copy of just the lines it needs (see <see cref="SourceText.Window"/>).
/// </summary>
public readonly struct TextWindow(string text, int origin)
{
    public string Text => text;
    public int Origin => origin;
    /// <summary>The document offset just past the window's last character.</summary>
    public int Length => origin + text.Length;

    public char this[int index] => text[index - origin];

    public ReadOnlySpan<char> AsSpan(int start, int length) => text.AsSpan(start - origin, length);

    public string Substring(int start, int length) => text.Substring(start - origin, length);

    /// <summary>For <c>window[a..b]</c> with document offsets.</summary>
    public string Slice(int start, int length) => Substring(start, length);

    public static implicit operator TextWindow(string text) => new(text, 0);
}
