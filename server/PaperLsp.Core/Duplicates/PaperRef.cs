using PaperLsp.Core.Model;

namespace PaperLsp.Core.Duplicates;

/// <summary>A paper in some document of a workspace snapshot.</summary>
public readonly record struct PaperRef(string DocumentId, DigestDocument Document, Paper Paper)
{
    public int Line => Document.Lines.GetPosition(Paper.TitleSpan.Start).Line;

    /// <summary>"file:line" for messages, 1-based; just "line N" inside the same document.</summary>
    public string Describe(string fromDocumentId) =>
        DocumentId == fromDocumentId ? $"line {Line + 1}" : $"{DocumentId}:{Line + 1}";
}
