using PaperLsp.Core.Text;
using PaperLsp.Core.Model;

namespace PaperLsp.Core.Facts;

/// <summary>#tags in note lines, and the reading statuses among them.</summary>
public static class Tags
{
    public static readonly IReadOnlyList<string> Statuses = ["toread", "reading", "read", "skip"];

    /// <summary>Every #tag in the text, in order (without the '#'), with its offset relative to the text.</summary>
    public static IEnumerable<(int Offset, string Tag)> Find(TextWindow text, int start, int length)
    {
        int end = start + length;
        for (int i = start; i < end; i++)
        {
            if (text[i] != '#') continue;
            if (i > start && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '#')) continue;
            int j = i + 1;
            while (j < end && (char.IsLetterOrDigit(text[j]) || text[j] is '-' or '_')) j++;
            if (j > i + 1 && char.IsLetter(text[i + 1]))
            {
                yield return (i, text[(i + 1)..j].ToLowerInvariant());
                i = j - 1;
            }
        }
    }

    public static PaperStatus StatusOf(string tag) => tag switch
    {
        "toread" => PaperStatus.ToRead,
        "reading" => PaperStatus.Reading,
        "read" => PaperStatus.Read,
        "skip" => PaperStatus.Skip,
        _ => PaperStatus.None,
    };
}
