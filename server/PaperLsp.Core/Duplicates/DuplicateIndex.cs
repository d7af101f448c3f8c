using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;

namespace PaperLsp.Core.Duplicates;

/// <summary>
/// PD001 and PD002 kept up to date as documents change, so an edit costs work in proportion to what it
/// touched, not to the workspace. Its answers equal <see cref="DuplicateFinder.Find"/> over the same
/// documents (a property test holds it to that):
/// <list type="bullet">
/// <item>exact copies: papers are listed under their arXiv id and title key; when a key's list changes,
/// the papers connected to it through shared keys are grouped again, in workspace order;</item>
/// <item>near copies: each paper sits in the buckets <see cref="NearDuplicates"/> describes; a bucket
/// whose members changed is scored again, and a pair stands while some bucket holds it.</item>
/// </list>
/// Not thread-safe by itself: <see cref="Workspace.WorkspaceSnapshot"/> serialises access.
/// </summary>
public sealed partial class DuplicateIndex
{
    private const int MessageLocations = 5;
    private const int RelatedLocations = 50;

    private readonly Dictionary<string, DocEntry> _docs = new(StringComparer.Ordinal);
    private readonly List<Slot?> _slots = [];
    private readonly Stack<int> _free = new();
    private readonly List<int> _freedThisUpdate = [];
    private readonly Dictionary<string, List<int>> _byTitle = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirtyTitles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dirtyIds = new(StringComparer.Ordinal);
    private int[] _frequency = new int[1024];
    private readonly List<int> _added = [];
    private readonly Dictionary<BucketKey, Bucket> _buckets = [];
    private readonly HashSet<Bucket> _dirtyBuckets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(int, int), NearLink> _pairs = [];
    private readonly HashSet<DocEntry> _touched = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _pool = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly List<string> _scratch = [];
    // Process-wide, so that stamps from two indexes (a re-scan starts a new one) never compare equal.
    private static long _clock;
    private object? _lastSynced;
    private bool _firstScan;

    public DuplicateIndex(double nearThreshold = 0.8) => NearThreshold = nearThreshold;

    public double NearThreshold { get; }

    /// <summary>How messages name another document (the server passes a path relative to the workspace); default: its id.</summary>
    public Func<string, string>? DisplayName { get; set; }

    /// <summary>How many papers the index holds (deliberate repeats are left out).</summary>
    public int PaperCount => _slots.Count - _free.Count;

    /// <summary>
    /// Brings the index to exactly these documents: new ones are added, changed ones (another
    /// <see cref="DigestDocument"/> instance) updated, missing ones removed. Cheap when nothing changed.
    /// </summary>
    public void Sync(IReadOnlyDictionary<string, DigestDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (ReferenceEquals(documents, _lastSynced)) return;
        // Into an empty index (the CLI's one pass, a server's first scan) every paper is new: nothing is
        // marked dirty along the way, and Settle goes once over all keys and buckets instead. A scan's files
        // usually arrive after the first open documents: the index starts again rather than update.
        if (_docs.Count > 0 && documents.Count > _docs.Count && MostlyNew(documents)) Clear();
        _firstScan = _docs.Count == 0;
        if (_firstScan) PrepareInParallel(documents.Values);
        List<DocEntry>? gone = null;
        foreach (var entry in _docs.Values)
            if (!documents.ContainsKey(entry.Id)) (gone ??= []).Add(entry);
        if (gone is not null)
            foreach (var entry in gone) RemoveDocument(entry);
        foreach (var (id, doc) in documents)
        {
            if (!_docs.TryGetValue(id, out var entry)) AddDocument(id, doc);
            else if (!ReferenceEquals(entry.Document, doc)) UpdateDocument(entry, doc);
        }
        Settle();
        _firstScan = false;
        _lastSynced = documents;
    }

    [ThreadStatic] private static HashSet<string>? t_pool;
    [ThreadStatic] private static List<string>? t_scratch;

    /// <summary>
    /// Computes the duplicate keys of every paper of the document ahead of <see cref="Sync"/>, on any
    /// thread (they are cached on the papers): a workspace scan does it while it parses, in parallel.
    /// </summary>
    public static void Prepare(DigestDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        Prepare(document, 0, document.Papers.Count, intern: true);
    }

    private static void Prepare(DigestDocument document, int from, int to, bool intern)
    {
        var pool = (t_pool ??= new HashSet<string>(StringComparer.Ordinal)).GetAlternateLookup<ReadOnlySpan<char>>();
        var scratch = t_scratch ??= [];
        for (int i = from; i < to; i++)
        {
            var paper = document.Papers[i];
            if (!paper.DuplicateAllowed) NearDuplicates.Keys(document, paper, pool, scratch, intern);
        }
        if (t_pool.Count > 100_000) t_pool.Clear(); // the pool only shares equal words; it must not grow without end
    }

    /// <summary>Below this many papers one thread is quicker than handing out the work (tests change it).</summary>
    internal static int ParallelFrom { get; set; } = 4096;

    /// <summary>
    /// The title words and abstract fingerprints of a first scan's papers, found on several threads before
    /// the index takes the papers in order (and gives their words ids, in that order, as one thread would).
    /// </summary>
    private static void PrepareInParallel(IEnumerable<DigestDocument> documents)
    {
        if (Environment.ProcessorCount < 2 || documents.Sum(d => d.Papers.Count) < ParallelFrom) return;
        var slices = new List<(DigestDocument Document, int From, int To)>();
        foreach (var doc in documents)
            for (int from = 0; from < doc.Papers.Count; from += ParallelFrom / 2)
                slices.Add((doc, from, Math.Min(doc.Papers.Count, from + ParallelFrom / 2)));
        Parallel.ForEach(slices, slice => Prepare(slice.Document, slice.From, slice.To, intern: false));
    }

    /// <summary>
    /// A number that changes whenever the duplicate problems of the document may have changed
    /// (its own copies, or the lines its messages name in other documents); 0 for an unknown document.
    /// </summary>
    public long StampOf(string documentId) => _docs.TryGetValue(documentId, out var e) ? e.Stamp : 0;

    /// <summary>The duplicate problems (PD001, PD002) of one document, in text order.</summary>
    public List<Problem> ProblemsOf(string documentId)
    {
        var result = new List<Problem>();
        if (!_docs.TryGetValue(documentId, out var entry)) return result;
        foreach (int s in entry.Slots)
        {
            if (s < 0) continue;
            var slot = _slots[s]!;
            if (slot.Group is { } group) result.Add(ExactProblem(slot, group));
            foreach (int partner in slot.Partners) result.Add(NearProblem(slot, _slots[partner]!, _pairs[Key(s, partner)]));
        }
        result.Sort(Problem.Compare);
        return result;
    }

    /// <summary>Every copy of the paper (itself included) in workspace order, or empty when it has none.</summary>
    public IReadOnlyList<PaperRef> CopiesOf(string documentId, Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        if (!_docs.TryGetValue(documentId, out var entry) || paper.Index < 0 || paper.Index >= entry.Slots.Length) return [];
        int s = entry.Slots[paper.Index];
        if (s < 0 || _slots[s]!.Group is not { } group) return [];
        return group.Select(Ref).ToList();
    }

    /// <summary>
    /// Every copy of the paper in workspace order, itself and deliberate repeats included (what a reader
    /// calls "the other copies"); empty when it has none. Only the papers that share a key with it are looked at.
    /// </summary>
    public IReadOnlyList<PaperRef> AllCopiesOf(string documentId, Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        if (!_docs.TryGetValue(documentId, out var home) || paper.Index < 0 || paper.Index >= home.Document.Papers.Count) return [];
        var component = new List<(DocEntry Doc, Paper Paper)> { (home, paper) };
        var seen = new HashSet<(string, int)> { (documentId, paper.Index) };
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < component.Count; i++)
        {
            var p = component[i].Paper;
            if (p.TitleKey.Length >= 4 && titles.Add(p.TitleKey)) Collect(_byTitle.GetValueOrDefault(p.TitleKey), q => q.TitleKey == p.TitleKey);
            if (p.ArxivId is { } id && ids.Add(id)) Collect(_byId.GetValueOrDefault(id), q => q.ArxivId == id);
        }
        if (component.Count < 2) return [];
        component.Sort((a, b) =>
        {
            int c = string.CompareOrdinal(a.Doc.Id, b.Doc.Id);
            return c != 0 ? c : a.Paper.Index.CompareTo(b.Paper.Index);
        });
        foreach (var group in ExactDuplicates.GroupIndices(component.Count, i => component[i].Paper))
            if (group.Any(i => ReferenceEquals(component[i].Paper, paper)))
                return group.Select(i => new PaperRef(component[i].Doc.Id, component[i].Doc.Document, component[i].Paper)).ToList();
        return [];

        void Collect(List<int>? slots, Func<Paper, bool> sameKey)
        {
            foreach (int s in slots ?? [])
            {
                var slot = _slots[s]!;
                if (seen.Add((slot.Doc.Id, slot.Paper.Index))) component.Add((slot.Doc, slot.Paper));
            }
            foreach (var entry in _docs.Values)
                foreach (int a in entry.Allowed)
                {
                    var q = entry.Document.Papers[a];
                    if (sameKey(q) && seen.Add((entry.Id, a))) component.Add((entry, q));
                }
        }
    }

    /// <summary>The papers reported as near duplicates of this one.</summary>
    public IReadOnlyList<PaperRef> NearCopiesOf(string documentId, Paper paper)
    {
        ArgumentNullException.ThrowIfNull(paper);
        if (!_docs.TryGetValue(documentId, out var entry) || paper.Index < 0 || paper.Index >= entry.Slots.Length) return [];
        int s = entry.Slots[paper.Index];
        return s < 0 ? [] : _slots[s]!.Partners.Select(Ref).ToList();
    }

    /// <summary>The exact groups whose copies are in more than one document.</summary>
    public int GroupsAcrossDocuments()
    {
        var seen = new HashSet<List<int>>(ReferenceEqualityComparer.Instance);
        int count = 0;
        foreach (var slot in _slots)
        {
            if (slot?.Group is not { } group || !seen.Add(group)) continue;
            var first = _slots[group[0]]!.Doc;
            if (group.Any(m => !ReferenceEquals(_slots[m]!.Doc, first))) count++;
        }
        return count;
    }

    private PaperRef Ref(int s)
    {
        var slot = _slots[s]!;
        return new PaperRef(slot.Doc.Id, slot.Doc.Document, slot.Paper);
    }

    /// <summary>
    /// What <see cref="DuplicateFinder"/> reports for one copy, built without sorting: the group is in
    /// workspace order, so "this document's copies first" is two passes, and only the copies the
    /// problem names (at most <see cref="RelatedLocations"/>) are gathered.
    /// </summary>
    private Problem ExactProblem(Slot slot, List<int> group)
    {
        var paper = slot.Paper;
        bool sameId = true;
        foreach (int m in group)
        {
            if (m == slot.Number) continue;
            string? id = _slots[m]!.Paper.ArxivId;
            if (id is null || id != paper.ArxivId)
            {
                sameId = false;
                break;
            }
        }
        int others = group.Count - 1;
        var shown = new List<Slot>(Math.Min(others, RelatedLocations));
        for (int pass = 0; pass < 2 && shown.Count < RelatedLocations; pass++)
        {
            foreach (int m in group)
            {
                var other = _slots[m]!;
                if (m == slot.Number || ReferenceEquals(other.Doc, slot.Doc) != (pass == 0)) continue;
                shown.Add(other);
                if (shown.Count == RelatedLocations) break;
            }
        }
        var where = new System.Text.StringBuilder();
        for (int i = 0; i < Math.Min(shown.Count, MessageLocations); i++)
        {
            if (i > 0) where.Append(", ");
            where.Append(Ref(shown[i].Number).Describe(slot.Doc.Id, DisplayName));
        }
        if (others > MessageLocations) where.Append(" and ").Append(others - MessageLocations).Append(" more");
        var related = new RelatedLocation[shown.Count];
        for (int i = 0; i < shown.Count; i++) related[i] = new RelatedLocation(shown[i].Doc.Id, shown[i].Paper.TitleSpan, "another copy of this paper");
        string why = sameId ? $"same arXiv id {paper.ArxivId}" : "same title";
        return new Problem(DiagnosticCodes.Duplicate, paper.TitleSpan, $"Duplicate paper ({why}): also at {where}", related);
    }

    private Problem NearProblem(Slot at, Slot other, NearLink link)
    {
        var otherRef = Ref(other.Number);
        return new Problem(DiagnosticCodes.NearDuplicate, at.Paper.TitleSpan,
            $"Probably the same paper as {otherRef.Describe(at.Doc.Id, DisplayName)} ({link.Reason}, {Math.Round(link.Score * 100)}% similar): \"{other.Paper.Title}\"",
            [new RelatedLocation(other.Doc.Id, other.Paper.TitleSpan, "the similar paper")]);
    }

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);
}
