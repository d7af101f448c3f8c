using PaperLsp.Core.Facts;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Features;

/// <summary>What the occurrences have in common.</summary>
public enum RelatedKind
{
    ArxivId,
    Repository,
    Link,
    Title,
}

/// <summary>The occurrences of the thing under the cursor, in text order.</summary>
public sealed record Related(RelatedKind Kind, string Key, IReadOnlyList<TextSpan> Spans);

/// <summary>
/// Document highlight: on an arXiv id (in text or in a URL) every mention of that id; on a repository
/// URL every link to the same repository; on another URL every link with the same cleaned target;
/// on a title the titles of every copy of that paper in the file. Null elsewhere.
/// </summary>
public static class HighlightRelated
{
    public static Related? At(DigestDocument doc, int offset)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var paper = doc.PaperAt(offset);
        if (paper is null) return null;
        var link = paper.Links.FirstOrDefault(l => l.Span.Touches(offset));
        if (IdAt(doc.Text, offset, link?.Span) is { } id) return Ids(doc, id);
        if (link is not null)
        {
            if (ArxivId.Find(link.Target) is { } linked) return Ids(doc, linked);
            if (RepositoryKey(link) is { } repo) return Links(doc, RelatedKind.Repository, repo, RepositoryKey);
            return Links(doc, RelatedKind.Link, link.Target, l => l.Target);
        }
        if (paper.TitleSpan.Touches(offset) && paper.TitleSpan.Length > 0)
        {
            var copies = new List<TextSpan>();
            foreach (var p in doc.Papers)
                if ((p.TitleKey.Length > 0 && p.TitleKey == paper.TitleKey) || (paper.ArxivId is not null && p.ArxivId == paper.ArxivId))
                    copies.Add(p.TitleSpan);
            return new Related(RelatedKind.Title, paper.TitleKey, copies);
        }
        return null;
    }

    /// <summary>The new-style arXiv id whose digits the offset touches (within the link, if the offset is in one).</summary>
    private static string? IdAt(SourceText text, int offset, TextSpan? within)
    {
        int lo = within?.Start ?? Math.Max(0, offset - 24), hi = within?.End ?? Math.Min(text.Length, offset + 24);
        int start = offset;
        while (start > lo && (char.IsAsciiDigit(text[start - 1]) || text[start - 1] is '.' or 'v')) start--;
        for (int i = start; i <= offset && i < hi; i++)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > lo && char.IsAsciiDigit(text[i - 1]))) continue;
            var id = ArxivId.Parse(text.AsSpan(i, hi - i));
            if (id is not null && offset <= i + IdLength(text, i, hi, id)) return id;
        }
        return null;
    }

    private static int IdLength(SourceText text, int start, int end, string id)
    {
        int e = start + id.Length;
        if (e + 1 < end && text[e] == 'v' && char.IsAsciiDigit(text[e + 1]))
            for (e++; e < end && char.IsAsciiDigit(text[e]); e++) { }
        return e - start;
    }

    /// <summary>Every mention of the id in the file: the id's characters (with a version suffix), wherever they stand.</summary>
    private static Related Ids(DigestDocument doc, string id)
    {
        var text = doc.Text;
        var spans = new List<TextSpan>();
        var comparison = id.Any(char.IsAsciiLetter) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        int origin = 0;
        // Piece by piece: pieces begin at line starts, and an id never spans lines.
        foreach (var chunk in text.Chunks())
        {
            int from = 0;
            while (from < chunk.Length)
            {
                int rel = chunk.Span[from..].IndexOf(id, comparison);
                if (rel < 0) break;
                int at = origin + from + rel;
                int end = at + id.Length;
                bool boundary = (at == 0 || !(char.IsAsciiDigit(text[at - 1]) || (text[at - 1] == '.' && at > 1 && char.IsAsciiDigit(text[at - 2]))))
                                && (end == text.Length || !char.IsAsciiDigit(text[end]));
                if (boundary) spans.Add(new TextSpan(at, IdLength(text, at, text.Length, id)));
                from = end - origin;
            }
            origin += chunk.Length;
        }
        return new Related(RelatedKind.ArxivId, id, spans);
    }

    private static Related Links(DigestDocument doc, RelatedKind kind, string key, Func<PaperLink, string?> keyOf)
    {
        var spans = new List<TextSpan>();
        foreach (var p in doc.Papers)
            foreach (var l in p.Links)
                if (string.Equals(keyOf(l), key, StringComparison.OrdinalIgnoreCase)) spans.Add(l.Span);
        return new Related(kind, key, spans);
    }

    /// <summary>"host/owner/name" of a repository link (no www., no .git, lower case), or null for other links.</summary>
    public static string? RepositoryKey(PaperLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.Kind != LinkKind.Repository || !Uri.TryCreate(link.Target, UriKind.Absolute, out var uri)) return null;
        string host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length < 2) return null;
        string name = segments[1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? segments[1][..^4] : segments[1];
        return $"{host}/{segments[0]}/{name}".ToLowerInvariant();
    }
}
