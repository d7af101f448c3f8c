using PaperLsp.Core.Model;

namespace PaperLsp.Core.Duplicates;

/// <summary>A paper in some document of a workspace snapshot.</summary>
public readonly record struct PaperRef(string DocumentId, DigestDocument Document, Paper Paper)
{
    public int Line => Document.Lines.GetPosition(Paper.TitleSpan.Start).Line;

    /// <summary>"file:line" for messages, 1-based; just "line N" inside the same document. <paramref name="display"/> names the file (default: its id).</summary>
    public string Describe(string fromDocumentId, Func<string, string>? display = null) =>
        DocumentId == fromDocumentId ? $"line {Line + 1}" : $"{(display is null ? DocumentId : display(DocumentId))}:{Line + 1}";
}
