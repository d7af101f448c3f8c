namespace PaperLsp.Core.Text;

/// <summary>
/// An edit described by where it happened: <see cref="OldLength"/> characters at <see cref="Start"/>
/// were replaced by <see cref="NewLength"/> characters.
/// </summary>
public readonly record struct TextChange(int Start, int OldLength, int NewLength)
{
    public int Delta => NewLength - OldLength;

    /// <summary>One change covering <paramref name="first"/> and then <paramref name="second"/> (given in the text after the first).</summary>
    public static TextChange Compose(TextChange first, TextChange second)
    {
        int start = Math.Min(first.Start, second.Start);
        int endInBetween = Math.Max(first.Start + first.NewLength, second.Start + second.OldLength);
        // Map the end back to the original text: past the first change it moves by the first delta.
        int endInOriginal = endInBetween >= first.Start + first.NewLength
            ? endInBetween - first.Delta
            : first.Start + first.OldLength;
        int endAfter = endInBetween + second.Delta;
        return new TextChange(start, endInOriginal - start, endAfter - start);
    }
}
