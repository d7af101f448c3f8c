using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;

namespace PaperLsp.Core.Syntax;

/// <summary>
/// Reads plain-text digests (spaced, compact, glued, page copies, notes) into a <see cref="ParseDraft"/>.
/// One pass over the lines with a little look-ahead; each paper's layout is decided on its own,
/// so dialects can mix within a file.
/// </summary>
internal sealed class PlainDigestParser
{
    private enum State { Preamble, ExpectTitle, AfterTitle, InAbstract }

    private readonly ParseDraft _d;
    private State _state = State.Preamble;
    private PaperDraft? _paper;
    private int _blanksSinceTitle;
    private bool _blankSinceAbstract;
    private bool _spacedAbstract;
    private int _pendingStart = -1;
    private bool _pendingAllowsDuplicate;
    private int _section = -1;
    private int _previousNonBlank = -1;

    private PlainDigestParser(ParseDraft draft) => _d = draft;

    public static void Parse(ParseDraft draft) => new PlainDigestParser(draft).Run(0, draft.Lines.Count);

    /// <summary>
    /// Re-parses lines [start, end) that begin a paper inside <paramref name="section"/>, as the full
    /// parse would reach them. Returns false when the window ends in a state that could change how
    /// the lines after it are read (a title still waiting for its abstract, an open paragraph, a card).
    /// </summary>
    public static bool ParseWindow(ParseDraft draft, int start, int end, int section)
    {
        var parser = new PlainDigestParser(draft) { _state = State.ExpectTitle, _section = section, _previousNonBlank = start - 1 };
        while (parser._previousNonBlank >= 0 && LineClassifier.IsBlank(draft.Content(parser._previousNonBlank))) parser._previousNonBlank--;
        parser.Run(start, end);
        return parser._cleanEnd;
    }

    private bool _cleanEnd;

    private void Run(int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            Line(i);
            if (_d.Kinds[i] != SyntaxKind.BlankLine) _previousNonBlank = i;
        }
        _cleanEnd = _pendingStart < 0 && (_state == State.ExpectTitle || (_state == State.InAbstract && (!_spacedAbstract || _blankSinceAbstract)));
        FlushPending(end);
        if (_paper is not null) FinishPaper();
    }

    private void Line(int i)
    {
        var s = _d.Content(i);
        if (LineClassifier.IsBlank(s)) { Blank(i); return; }
        if (LineClassifier.IsNote(s)) { Note(i); return; }
        if (LineClassifier.IsSuppression(s, out bool wholeFile)) { Suppression(i, wholeFile); return; }
        if (LineClassifier.IsVote(s)) { CardHeader(i, SyntaxKind.VoteLine); _d.Dialect |= Dialect.PageCopy; return; }
        if (LineClassifier.IsUrlOnly(s)) { UrlLine(i, s); return; }
        if (LineClassifier.IsAuthors(s, out int? authors)) { Metadata(i, SyntaxKind.AuthorsLine); if (_paper is not null && authors is not null) _paper.AuthorCount = authors; return; }
        if (LineClassifier.IsCommentCount(s, out int? comments)) { Metadata(i, SyntaxKind.CommentCountLine); if (_paper is not null) _paper.CommentCount = comments; return; }
        if (LineClassifier.IsSeparator(s)) { Metadata(i, SyntaxKind.SeparatorLine); return; }
        if (LineClassifier.IsDate(s)) { Date(i, s); return; }
        if (LineClassifier.IsBoilerplate(s)) { Boilerplate(i); return; }
        Content(i, s);
    }

    private void Blank(int i)
    {
        _d.Kinds[i] = SyntaxKind.BlankLine;
        Own(i);
        if (_state == State.AfterTitle) _blanksSinceTitle++;
        if (_state == State.InAbstract) _blankSinceAbstract = true;
    }

    private void Note(int i)
    {
        FlushPending(i); // a note belongs to the paper above: the lines before it were not a card
        _d.Kinds[i] = SyntaxKind.NoteLine;
        _d.Dialect |= Dialect.Annotated;
        Own(i);
        _paper?.Notes.Add(_d.Lines[i].Content);
        if (_state == State.InAbstract) _blankSinceAbstract = true;
    }

    private void Suppression(int i, bool wholeFile)
    {
        _d.Kinds[i] = SyntaxKind.SuppressionLine;
        if (wholeFile)
        {
            _d.FileAllowsDuplicates = true;
            Own(i);
            return;
        }
        StartPending(i);
        _pendingAllowsDuplicate = true;
    }

    /// <summary>Vote lines open the card of the paper that follows.</summary>
    private void CardHeader(int i, SyntaxKind kind)
    {
        _d.Kinds[i] = kind;
        if (_state == State.AfterTitle && _pendingStart < 0) { Own(i); return; }
        StartPending(i);
        if (kind == SyntaxKind.VoteLine) _pendingVotes = VoteText(i);
    }

    private string? _pendingVotes;

    private string VoteText(int i)
    {
        var s = _d.Content(i).Trim();
        int space = s.LastIndexOf(' ');
        return (space >= 0 ? s[(space + 1)..] : s).ToString();
    }

    private void UrlLine(int i, ReadOnlySpan<char> s)
    {
        _d.Kinds[i] = SyntaxKind.UrlLine;
        bool paperUrl = s.Contains("/papers/", StringComparison.Ordinal) || s.Contains("arxiv.org", StringComparison.OrdinalIgnoreCase)
            || s.Contains("login?next=", StringComparison.Ordinal);
        if (_state == State.InAbstract && _spacedAbstract && !_blankSinceAbstract && !paperUrl)
        {
            ContinueAbstract(i); // a hard-wrapped abstract that put its code link on a line of its own
            return;
        }
        if (_state == State.Preamble && !paperUrl && _pendingStart < 0)
        {
            _d.Kinds[i] = SyntaxKind.BoilerplateLine;
            Own(i);
            return;
        }
        _d.Dialect |= Dialect.PageCopy;
        if (_state == State.AfterTitle && _pendingStart < 0) { Own(i); return; }
        StartPending(i);
    }

    private void Metadata(int i, SyntaxKind kind)
    {
        _d.Kinds[i] = kind;
        _d.Dialect |= Dialect.PageCopy;
        if (_pendingStart >= 0 || _paper is null) { StartPending(i); return; }
        Own(i);
    }

    private void Date(int i, ReadOnlySpan<char> s)
    {
        bool metadata = _state == State.AfterTitle || _pendingStart >= 0
            || (_previousNonBlank >= 0 && _d.Kinds[_previousNonBlank] is SyntaxKind.SeparatorLine or SyntaxKind.AuthorsLine or SyntaxKind.OrganisationLine);
        if (metadata && (_paper is not null || _pendingStart >= 0))
        {
            _d.Kinds[i] = SyntaxKind.DateLine;
            if (_pendingStart >= 0) { _pendingDate = s.Trim().ToString(); return; }
            Own(i);
            _paper!.Date = s.Trim().ToString();
            return;
        }
        // A date between entries heads the papers that follow.
        if (_paper is not null) FinishPaper();
        FlushPending(i);
        _d.Kinds[i] = SyntaxKind.DateLine;
        var title = Trimmed(i);
        _section = _d.Sections.Count;
        _d.Sections.Add(new SectionDraft(_section, SectionKind.Date, title, 1, i));
        _d.SectionStart[i] = _section;
        _state = State.ExpectTitle;
    }

    private string? _pendingDate;

    private void Boilerplate(int i)
    {
        _d.Kinds[i] = SyntaxKind.BoilerplateLine;
        if (_state != State.Preamble)
            _d.Problems.Add(new Problem(DiagnosticCodes.BoilerplateInList, Trimmed(i),
                $"Page boilerplate \"{_d.Content(i).Trim().ToString()}\" inside the list of papers"));
        if (_pendingStart >= 0) return;
        Own(i);
    }

    private void Content(int i, ReadOnlySpan<char> s)
    {
        if (_pendingStart >= 0 && _state != State.AfterTitle)
        {
            StartTitle(i, s); // a card (votes, paper URL) announces a title
            return;
        }
        switch (_state)
        {
            case State.AfterTitle:
                if (IsOrganisation(i)) { Metadata(i, SyntaxKind.OrganisationLine); _paper!.Organisation = s.Trim().ToString(); return; }
                if (IsAbstractAfterTitle(i, s)) { BeginAbstract(i); return; }
                StartTitle(i, s); // the paper before has no abstract: FinishPaper reports it

                return;
            case State.InAbstract:
                if (_spacedAbstract && !_blankSinceAbstract) { ContinueAbstract(i); return; }
                if (LineClassifier.LooksLikeAbstract(s) && !NextContentLooksLikeAbstract(i))
                {
                    _d.Problems.Add(new Problem(DiagnosticCodes.SplitAbstract, Trimmed(i),
                        "This paragraph has no title: it looks like the rest of the abstract above, split from it"));
                    ContinueAbstract(i);
                    return;
                }
                StartTitle(i, s);
                return;
            default:
                if (_state == State.ExpectTitle && _paper is not null && LineClassifier.LooksLikeAbstract(s) && !NextContentLooksLikeAbstract(i))
                {
                    _state = State.InAbstract;
                    Content(i, s);
                    return;
                }
                StartTitle(i, s);
                return;
        }
    }

    private bool IsAbstractAfterTitle(int i, ReadOnlySpan<char> s)
    {
        if (LineClassifier.LooksLikeAbstract(s)) return true;
        // In the spaced layout a title stands alone; a paragraph of several lines after it is a wrapped abstract.
        if (_blanksSinceTitle > 0 && i + 1 < _d.Lines.Count && !LineClassifier.IsBlank(_d.Content(i + 1)) && !IsMetadataShape(_d.Content(i + 1)))
            return true;
        if (NextContentLooksLikeAbstract(i)) return false;
        var t = s.TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '?' || (1 + t.Count(' ')) >= 14;
    }

    private bool IsOrganisation(int i)
    {
        if (_previousNonBlank < 0 || _d.Kinds[_previousNonBlank] != SyntaxKind.AuthorsLine) return false;
        int next = NextNonBlank(i);
        return next >= 0 && (LineClassifier.IsSeparator(_d.Content(next)) || LineClassifier.IsDate(_d.Content(next)))
            && _d.Content(i).Length <= 120;
    }

    private void BeginAbstract(int i)
    {
        FlushPending(i); // the card-like lines were this paper's after all
        _d.Kinds[i] = SyntaxKind.AbstractLine;
        Own(i);
        _paper!.AbstractParts.Add(Trimmed(i));
        _spacedAbstract = _blanksSinceTitle > 0;
        _d.Dialect |= _spacedAbstract ? Dialect.Spaced : Dialect.Compact;
        if (_blanksSinceTitle > 1)
            _d.Problems.Add(new Problem(DiagnosticCodes.SplitAbstract, Trimmed(i),
                $"This abstract is split from its title by {_blanksSinceTitle} blank lines"));
        _blankSinceAbstract = false;
        _state = State.InAbstract;
    }

    private void ContinueAbstract(int i)
    {
        FlushPending(i);
        _d.Kinds[i] = SyntaxKind.AbstractLine;
        Own(i);
        _paper!.AbstractParts.Add(Trimmed(i));
        _blankSinceAbstract = false;
    }

    private void StartTitle(int i, ReadOnlySpan<char> s)
    {
        if (_paper is not null) FinishPaper();
        int glued = 0;
        if (!HasPapers || (_previousNonBlank >= 0 && _d.Kinds[_previousNonBlank] == SyntaxKind.BoilerplateLine))
            glued = LineClassifier.GluedPrefixLength(s);
        var line = _d.Lines[i];
        var title = TrimSpan(line.Start + glued, line.ContentEnd);
        int first = _pendingStart >= 0 ? _pendingStart : i;
        _paper = _d.StartPaper(first, title);
        _paper.SectionIndex = _section;
        _paper.DuplicateAllowed = _pendingAllowsDuplicate;
        _paper.Votes = _pendingVotes;
        _paper.Date = _pendingDate;
        for (int p = first; p < i; p++) _d.Owner[p] = _paper.Index;
        ClearPending();
        _d.Kinds[i] = SyntaxKind.TitleLine;
        Own(i);
        if (glued > 0)
        {
            _d.Glued[i] = glued;
            _d.Problems.Add(new Problem(DiagnosticCodes.GluedBoilerplate, new TextSpan(line.Start, glued),
                $"Page boilerplate \"{s[..glued].ToString()}\" is glued to the title \"{_d.Text.AsSpan(title.Start, title.Length).ToString()}\""));
        }
        _blanksSinceTitle = 0;
        _state = State.AfterTitle;
    }

    private void FinishPaper()
    {
        var paper = _paper!;
        if (_state == State.AfterTitle)
            _d.Problems.Add(new Problem(DiagnosticCodes.MissingAbstract, paper.TitleSpan, "This title has no abstract"));
        _state = State.ExpectTitle;
        _paper = null;
    }

    private void StartPending(int i)
    {
        if (_pendingStart < 0) _pendingStart = i;
        _d.Owner[i] = -1;
    }

    private void ClearPending()
    {
        _pendingStart = -1;
        _pendingAllowsDuplicate = false;
        _pendingVotes = null;
        _pendingDate = null;
    }

    /// <summary>Card lines that no title followed stay with the paper before them in the same section.</summary>
    private void FlushPending(int upTo)
    {
        if (_pendingStart < 0) return;
        int owner = _paper?.Index ?? LastPaperInSection();
        for (int p = _pendingStart; p < upTo; p++) _d.Owner[p] = owner;
        ClearPending();
    }

    /// <summary>Lines between entries belong to the paper before them; a pending card keeps what follows it.</summary>
    private void Own(int i)
    {
        if (_pendingStart >= 0) { _d.Owner[i] = -1; return; }
        _d.Owner[i] = _paper?.Index ?? (_state == State.Preamble || !HasPapers ? -1 : LastPaperInSection());
    }

    private bool HasPapers => _d.Papers.Count > 0 || _d.HasPapersBefore;

    private int LastPaperInSection() =>
        _d.Papers.Count > 0 && _d.Papers[^1].SectionIndex == _section ? _d.Papers[^1].Index : -1;

    private bool NextContentLooksLikeAbstract(int i)
    {
        for (int j = i + 1; j < _d.Lines.Count; j++)
        {
            var s = _d.Content(j);
            if (LineClassifier.IsBlank(s) || IsMetadataShape(s)) continue;
            return LineClassifier.LooksLikeAbstract(s);
        }
        return false;
    }

    private static bool IsMetadataShape(ReadOnlySpan<char> s) =>
        LineClassifier.IsVote(s) || LineClassifier.IsUrlOnly(s) || LineClassifier.IsAuthors(s, out _)
        || LineClassifier.IsSeparator(s) || LineClassifier.IsCommentCount(s, out _) || LineClassifier.IsNote(s);

    private int NextNonBlank(int i)
    {
        for (int j = i + 1; j < _d.Lines.Count; j++)
            if (!LineClassifier.IsBlank(_d.Content(j))) return j;
        return -1;
    }

    private TextSpan Trimmed(int i) => TrimSpan(_d.Lines[i].Start, _d.Lines[i].ContentEnd);

    private TextSpan TrimSpan(int start, int end)
    {
        while (start < end && char.IsWhiteSpace(_d.Text[start])) start++;
        while (end > start && char.IsWhiteSpace(_d.Text[end - 1])) end--;
        return TextSpan.FromBounds(start, end);
    }
}
