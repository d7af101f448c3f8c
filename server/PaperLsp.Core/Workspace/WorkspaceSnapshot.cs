using System.Collections.Concurrent;
using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;

namespace PaperLsp.Core.Workspace;

/// <summary>
/// An immutable set of parsed digests, keyed by a document id (a path or URI), in id order.
/// Everything that spans documents (duplicates) comes from a <see cref="DuplicateIndex"/>: pass the
/// same index to successive snapshots and each one costs only what changed since the last.
/// The CLI and the server both ask this class, so they never disagree.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly Dictionary<string, DigestDocument> _byId;
    private readonly DuplicateIndex _index;
    private readonly ConcurrentDictionary<string, IReadOnlyList<Problem>> _problems = new(StringComparer.Ordinal);

    /// <param name="documents">The documents; an id given twice keeps its first document.</param>
    /// <param name="index">The index to bring up to this snapshot (shared between snapshots of one workspace); null: a new one.</param>
    public WorkspaceSnapshot(IEnumerable<(string Id, DigestDocument Document)> documents, DuplicateIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _byId = new Dictionary<string, DigestDocument>(StringComparer.Ordinal);
        foreach (var (id, doc) in documents) _byId.TryAdd(id, doc);
        Documents = _byId.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)).ToList();
        _index = index ?? new DuplicateIndex();
    }

    public IReadOnlyList<(string Id, DigestDocument Document)> Documents { get; }
    public double NearDuplicateThreshold => _index.NearThreshold;

    public DigestDocument? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Every problem of one document: its own, then the duplicates that involve it, in text order.</summary>
    public IReadOnlyList<Problem> ProblemsOf(string id)
    {
        var doc = Get(id) ?? throw new ArgumentException($"unknown document {id}", nameof(id));
        return _problems.GetOrAdd(id, _ =>
        {
            var all = new List<Problem>(doc.Problems);
            all.AddRange(WithIndex(index => index.ProblemsOf(id)));
            all.Sort(Problem.Compare);
            return all;
        });
    }

    /// <summary>Changes whenever the document's duplicate problems may have (see <see cref="DuplicateIndex.StampOf"/>).</summary>
    public long DuplicateStampOf(string id) => WithIndex(index => index.StampOf(id));

    /// <summary>How many distinct papers appear in more than one document.</summary>
    public int PapersInSeveralDocuments() => Documents.Count < 2 ? 0 : WithIndex(index => index.GroupsAcrossDocuments());

    /// <summary>Copies of the paper (deliberate repeats left out) in workspace order, itself included; empty when it has none.</summary>
    public IReadOnlyList<PaperRef> DuplicatesOf(string id, Paper paper) => WithIndex(index => index.CopiesOf(id, paper));

    /// <summary>Every copy of the paper, deliberate repeats included, in workspace order, itself included; empty when it has none.</summary>
    public IReadOnlyList<PaperRef> CopiesOf(string id, Paper paper) => WithIndex(index => index.AllCopiesOf(id, paper));

    /// <summary>The papers reported as near duplicates (PD002) of this one.</summary>
    public IReadOnlyList<PaperRef> NearDuplicatesOf(string id, Paper paper) => WithIndex(index => index.NearCopiesOf(id, paper));

    /// <summary>Runs on the index as it is for this snapshot; snapshots of one workspace take turns.</summary>
    private T WithIndex<T>(Func<DuplicateIndex, T> read)
    {
        lock (_index)
        {
            _index.Sync(_byId);
            return read(_index);
        }
    }
}
