using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;

namespace PaperLsp.Core.Workspace;

/// <summary>
/// An immutable set of parsed digests, keyed by a document id (a path or URI). Everything that
/// spans documents (duplicates today) is computed from a snapshot, once, on first use.
/// The CLI and the server both ask this class, so they never disagree.
/// </summary>
public sealed class WorkspaceSnapshot
{
    private readonly Lazy<Dictionary<string, List<Problem>>> _crossProblems;

    public WorkspaceSnapshot(IReadOnlyList<(string Id, DigestDocument Document)> documents, double nearDuplicateThreshold = 0.8)
    {
        Documents = documents ?? throw new ArgumentNullException(nameof(documents));
        NearDuplicateThreshold = nearDuplicateThreshold;
        _crossProblems = new(() => DuplicateFinder.Find(Documents, NearDuplicateThreshold));
    }

    public IReadOnlyList<(string Id, DigestDocument Document)> Documents { get; }
    public double NearDuplicateThreshold { get; }

    /// <summary>Every problem of one document: its own, then the duplicates that involve it, in text order.</summary>
    public IReadOnlyList<Problem> ProblemsOf(string id)
    {
        var doc = Documents.FirstOrDefault(d => d.Id == id).Document
            ?? throw new ArgumentException($"unknown document {id}", nameof(id));
        var all = new List<Problem>(doc.Problems);
        if (_crossProblems.Value.TryGetValue(id, out var dups)) all.AddRange(dups);
        all.Sort(Problem.Compare);
        return all;
    }

    /// <summary>How many distinct papers appear in more than one document.</summary>
    public int PapersInSeveralDocuments()
    {
        if (Documents.Count < 2) return 0; // a paper needs two documents to be in several
        var papers = Documents.SelectMany(d => d.Document.Papers.Select(p => new PaperRef(d.Id, d.Document, p))).ToList();
        return ExactDuplicates.Groups(papers).Count(g => g.Select(r => r.DocumentId).Distinct().Count() > 1);
    }
}
