using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features;

/// <summary>An inlay hint: text shown after an offset, with a tooltip.</summary>
public sealed record Hint(int Offset, string Label, string Tooltip);

/// <summary>A paper's reading status (from a <c>#toread</c>, <c>#reading</c>, <c>#read</c> or <c>#skip</c> note) shown at the end of its title.</summary>
public static class StatusHints
{
    public static IEnumerable<Hint> In(DigestDocument doc, TextSpan range)
    {
        ArgumentNullException.ThrowIfNull(doc);
        foreach (var paper in doc.Papers)
        {
            if (paper.Status == PaperStatus.None || paper.TitleSpan.End < range.Start || paper.TitleSpan.End > range.End) continue;
            yield return new Hint(paper.TitleSpan.End, Label(paper.Status), $"Reading status, from the #{Tag(paper.Status)} note under this paper");
        }
    }

    public static string Label(PaperStatus status) => status switch
    {
        PaperStatus.ToRead => "· to read",
        PaperStatus.Reading => "· reading",
        PaperStatus.Read => "· read ✓",
        PaperStatus.Skip => "· skipped",
        _ => "",
    };

    private static string Tag(PaperStatus status) => status switch
    {
        PaperStatus.ToRead => "toread",
        PaperStatus.Reading => "reading",
        PaperStatus.Read => "read",
        _ => "skip",
    };
}
