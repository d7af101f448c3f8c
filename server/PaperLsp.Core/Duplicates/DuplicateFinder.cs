using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;

namespace PaperLsp.Core.Duplicates;

/// <summary>
/// PD001 and PD002 over a set of documents, computed from scratch: every copy gets its own problem naming
/// the other copies in the message (some editors ignore related information) and as related locations.
/// The editor and the CLI use the incremental <see cref="DuplicateIndex"/>; this is its reference.
/// </summary>
public static class DuplicateFinder
{
    // A paper copied thousands of times must not make every diagnostic list thousands of places.
    private const int MessageLocations = 5;
    private const int RelatedLocations = 50;

    public static Dictionary<string, List<Problem>> Find(IReadOnlyList<(string Id, DigestDocument Document)> documents, double nearThreshold = 0.8)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var papers = new List<PaperRef>();
        foreach (var (id, doc) in documents)
            foreach (var paper in doc.Papers)
                if (!paper.DuplicateAllowed) papers.Add(new PaperRef(id, doc, paper));

        var result = documents.ToDictionary(d => d.Id, _ => new List<Problem>(), StringComparer.Ordinal);
        foreach (var group in ExactDuplicates.Groups(papers))
            foreach (var copy in group)
            {
                var others = SameDocumentFirst(group.Where(o => !o.Equals(copy)), copy.DocumentId);
                string why = others.All(o => o.Paper.ArxivId is not null && o.Paper.ArxivId == copy.Paper.ArxivId)
                    ? $"same arXiv id {copy.Paper.ArxivId}" : "same title";
                string where = string.Join(", ", others.Take(MessageLocations).Select(o => o.Describe(copy.DocumentId)));
                if (others.Count > MessageLocations) where += $" and {others.Count - MessageLocations} more";
                result[copy.DocumentId].Add(new Problem(DiagnosticCodes.Duplicate, copy.Paper.TitleSpan,
                    $"Duplicate paper ({why}): also at {where}",
                    others.Take(RelatedLocations).Select(o => new RelatedLocation(o.DocumentId, o.Paper.TitleSpan, "another copy of this paper")).ToList()));
            }

        foreach (var pair in NearDuplicates.Find(papers, nearThreshold))
        {
            Report(result, pair.A, pair.B, pair);
            Report(result, pair.B, pair.A, pair);
        }
        foreach (var list in result.Values) list.Sort(Problem.Compare);
        return result;
    }

    /// <summary>The other copies as a reader wants them listed: those in the same document first, then workspace order.</summary>
    internal static List<PaperRef> SameDocumentFirst(IEnumerable<PaperRef> others, string documentId) =>
        others.OrderBy(o => o.DocumentId == documentId ? 0 : 1).ToList();

    private static void Report(Dictionary<string, List<Problem>> result, PaperRef at, PaperRef other, NearPair pair) =>
        result[at.DocumentId].Add(new Problem(DiagnosticCodes.NearDuplicate, at.Paper.TitleSpan,
            $"Probably the same paper as {other.Describe(at.DocumentId)} ({pair.Reason}, {Math.Round(pair.Similarity * 100)}% similar): \"{other.Paper.Title}\"",
            [new RelatedLocation(other.DocumentId, other.Paper.TitleSpan, "the similar paper")]));
}
