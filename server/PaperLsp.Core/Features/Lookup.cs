using PaperLsp.Core.Facts;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features;

/// <summary>What stands at an offset, as the cursor features (hover, definition, command) see it.</summary>
public static class Lookup
{
    public static DigestDocument? Document(WorkspaceSnapshot workspace, string documentId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return workspace.Get(documentId);
    }

    /// <summary>The URL under the offset (a cursor right after it counts): a paper's link, or one in the lines between papers.</summary>
    public static PaperLink? LinkAt(DigestDocument doc, int offset)
    {
        ArgumentNullException.ThrowIfNull(doc);
        IReadOnlyList<PaperLink> links;
        if (doc.PaperAt(offset) is { } paper) links = paper.Links;
        else
        {
            int line = doc.Lines.LineOf(offset);
            var region = TextSpan.FromBounds(doc.Lines.LineStart(line), doc.Lines.LineStart(line + 1));
            links = LinkExtractor.Find(doc.Text.Window(region, before: 1), region);
        }
        PaperLink? touching = null;
        foreach (var link in links)
        {
            if (link.Span.Contains(offset)) return link;
            if (link.Span.Touches(offset)) touching ??= link;
        }
        return touching;
    }

    /// <summary>The paper whose title line holds the offset (anywhere on the line, Markdown heading marks included).</summary>
    public static Paper? TitleAt(DigestDocument doc, int offset)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (doc.PaperAt(offset) is not { } paper) return null;
        int line = doc.Lines.LineOf(offset);
        int first = doc.Lines.LineOf(paper.TitleSpan.Start), last = doc.Lines.LineOf(paper.TitleSpan.End);
        return line >= first && line <= last ? paper : null;
    }

    /// <summary>A document id (URI or path) as a reader names the file: its last segment, unescaped.</summary>
    public static string FileName(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        string s = documentId;
        int cut = s.IndexOfAny(['?', '#']);
        if (cut >= 0 && s.Contains("://", StringComparison.Ordinal)) s = s[..cut];
        s = s.TrimEnd('/', '\\');
        int slash = s.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) s = s[(slash + 1)..];
        try
        {
            s = Uri.UnescapeDataString(s);
        }
        catch (UriFormatException)
        {
        }
        return s.Length == 0 ? documentId : s;
    }
}
