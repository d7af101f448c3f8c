using System.Runtime.CompilerServices;
using PaperLsp.Core.Facts;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Features;

/// <summary>A tag to offer: how many papers of the workspace carry it, and whether it is a reading status.</summary>
public sealed record TagSuggestion(string Tag, int Papers, bool IsStatus);

/// <summary>
/// Completion of <c>#tags</c> in note lines (a <c>&gt; </c> line under a paper, DESIGN §1): every tag used
/// anywhere in the workspace, with its count, and the four statuses. The most used come first.
/// </summary>
public static class TagCompletion
{
    private static readonly ConditionalWeakTable<WorkspaceSnapshot, Dictionary<string, int>> Counts = new();

    /// <summary>The span a chosen tag replaces ('#' up to the cursor) and the suggestions; null where no tag can be written.</summary>
    public static (TextSpan Replace, IReadOnlyList<TagSuggestion> Items)? At(WorkspaceSnapshot workspace, string documentId, int offset)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (Lookup.Document(workspace, documentId) is not { } doc || offset < 0 || offset > doc.Text.Length) return null;
        var text = doc.Text;
        int lineStart = doc.Lines.LineStart(doc.Lines.LineOf(offset));
        int hash = offset - 1;
        while (hash >= lineStart && (char.IsLetterOrDigit(text[hash]) || text[hash] is '-' or '_')) hash--;
        if (hash < lineStart || text[hash] != '#') return null;
        if (hash > lineStart && !char.IsWhiteSpace(text[hash - 1])) return null; // "C#", "issue#3": not a tag
        if (!IsNoteLine(text, lineStart, hash)) return null;
        string typed = text[(hash + 1)..offset].ToLowerInvariant();
        int end = offset;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '-' or '_')) end++;
        string current = text[(hash + 1)..end].ToLowerInvariant(); // the tag being typed counts itself once: not a use
        var counts = Counts.GetValue(workspace, Count);
        int Uses(string tag) => counts.GetValueOrDefault(tag) - (tag == current ? 1 : 0);
        var items = counts.Keys.Concat(Tags.Statuses).Distinct(StringComparer.Ordinal)
            .Where(t => t.StartsWith(typed, StringComparison.Ordinal))
            .Select(t => new TagSuggestion(t, Uses(t), Tags.StatusOf(t) != Model.PaperStatus.None))
            .Where(s => s.Papers > 0 || s.IsStatus)
            .OrderByDescending(s => s.Papers).ThenBy(s => s.Tag, StringComparer.Ordinal)
            .ToList();
        return (TextSpan.FromBounds(hash, offset), items);
    }

    /// <summary>A note: the line starts with '>' after optional spaces, and the '#' comes after it.</summary>
    private static bool IsNoteLine(SourceText text, int lineStart, int hash)
    {
        int i = lineStart;
        while (i < hash && text[i] is ' ' or '\t') i++;
        return i < hash && text[i] == '>';
    }

    private static Dictionary<string, int> Count(WorkspaceSnapshot workspace)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, doc) in workspace.Documents)
            foreach (var paper in doc.Papers)
                foreach (var tag in paper.Tags.Distinct(StringComparer.Ordinal))
                    counts[tag] = counts.GetValueOrDefault(tag) + 1;
        return counts;
    }
}
