using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Fixes;

/// <summary>What a fix is for: one problem, every problem of one kind in the file, or the whole file's safe fixes.</summary>
public enum FixKind
{
    /// <summary>A quick fix: one problem, or one paper or line at the cursor.</summary>
    One,
    /// <summary>Every problem of one code in the file.</summary>
    AllOfKind,
    /// <summary>Every safe fix in the file, then formatting (<c>source.fixAll</c>; what <c>paperlsp fix</c> does).</summary>
    SafeFixAll,
}

/// <summary>
/// One offered fix: a title for the user, the problems it fixes, the range it promises to stay within,
/// and its edits (computed on first use: a file-wide fix can be listed without being computed).
/// </summary>
public sealed class Fix
{
    private readonly Func<IReadOnlyList<SpanEdit>> _compute;
    private IReadOnlyList<SpanEdit>? _edits;

    public Fix(string id, string title, TextSpan scope, Func<IReadOnlyList<SpanEdit>> compute)
    {
        Id = id;
        Title = title;
        Scope = scope;
        _compute = compute;
    }

    /// <summary>Names the fix within one version of a document ("split-glued@120"): found again by it when resolved.</summary>
    public string Id { get; }
    public string Title { get; }
    /// <summary>Every edit lies inside this span (for a file-wide fix, the whole text).</summary>
    public TextSpan Scope { get; }
    public FixKind Kind { get; init; } = FixKind.One;
    /// <summary>The problems the fix makes go away (matched to the client's diagnostics by code and range).</summary>
    public IReadOnlyList<Problem> Problems { get; init; } = [];
    /// <summary>Deletes nothing but whitespace and page boilerplate: <c>paperlsp fix</c> and source.fixAll may apply it unasked.</summary>
    public bool Safe { get; init; }
    /// <summary>The obvious fix for its problem (an editor may apply it with one key).</summary>
    public bool Preferred { get; init; }
    /// <summary>Indices of the papers the fix deletes on purpose (a duplicate copy); every other paper must keep its text.</summary>
    public IReadOnlyList<int> RemovedPapers { get; init; } = [];
    /// <summary>The fix rewrites words inside a title or an abstract on purpose (a repaired URL); other fixes change only whitespace there.</summary>
    public bool RewritesText { get; init; }
    /// <summary>How many things the fix changes (lines, titles, papers), for reports.</summary>
    public int Count { get; init; } = 1;

    /// <summary>The edits, sorted, non-overlapping, each as small as it can be.</summary>
    public IReadOnlyList<SpanEdit> Edits => _edits ??= _compute();

    public override string ToString() => $"{Id}: {Title}";
}
