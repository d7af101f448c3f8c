using System.Collections.Immutable;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Documents;

/// <summary>
/// An immutable view of the workspace at one moment: the open documents, the digests on disk
/// (<see cref="Files"/>: an open document's text always wins over its file), and the duplicate index
/// that the workspace snapshots of this store share (it follows whichever snapshot asks).
/// </summary>
public sealed record DocumentSnapshot(long Generation, ImmutableDictionary<string, OpenDocument> Documents,
    ImmutableDictionary<string, DigestDocument> Files, DuplicateIndex Index)
{
    public OpenDocument? Get(string uri) => Documents.GetValueOrDefault(uri);

    /// <summary>The indexed files that are not open (compared by file, however the client spells its URIs).</summary>
    public IEnumerable<KeyValuePair<string, DigestDocument>> ClosedFiles()
    {
        if (Files.IsEmpty) return [];
        var open = Documents.Keys.Select(Workspace.FileUri.Normalize).ToHashSet(StringComparer.Ordinal);
        return Files.Where(f => !open.Contains(f.Key));
    }
}

/// <summary>
/// The open documents and the indexed files. The message loop changes documents (didOpen, didChange,
/// didClose run in order) and the workspace index changes files; readers take a
/// <see cref="DocumentSnapshot"/> and work on it concurrently.
/// </summary>
public sealed class DocumentStore
{
    private static readonly ImmutableDictionary<string, OpenDocument> NoDocuments = ImmutableDictionary<string, OpenDocument>.Empty.WithComparers(StringComparer.Ordinal);
    private static readonly ImmutableDictionary<string, DigestDocument> NoFiles = ImmutableDictionary<string, DigestDocument>.Empty.WithComparers(StringComparer.Ordinal);
    private readonly Lock _write = new();
    private DocumentSnapshot _current = new(0, NoDocuments, NoFiles, new DuplicateIndex());

    public DocumentSnapshot Current => Volatile.Read(ref _current);

    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change of documents or files (for requests that wait for one).</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    public bool Utf8Positions { get; set; }

    public void Open(string uri, int version, string text) => Set(OpenDocument.Open(uri, version, text));

    public void Close(string uri) => Update(now => now.Documents.ContainsKey(uri) ? now with { Documents = now.Documents.Remove(uri) } : now);

    /// <summary>Applies LSP content changes in order; returns false for a document that is not open.</summary>
    public bool Change(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        var doc = Current.Get(uri);
        if (doc is null) return false;
        foreach (var change in changes)
        {
            var text = doc.Text;
            if (change.Range is null)
            {
                doc = doc.Edited(version, SourceText.From(change.Text), null);
            }
            else
            {
                // The next version shares the text outside the edited lines with this one (no copy of the document).
                var span = new PositionMapper(text, doc.LineIndex, Utf8Positions).ToSpan(change.Range);
                var next = text.Replace(span.Start, span.Length, change.Text);
                doc = doc.Edited(version, next, new TextChange(span.Start, span.Length, change.Text.Length));
            }
        }
        Set(doc);
        return true;
    }

    /// <summary>Files read from disk (null: the file is gone or no longer a digest).</summary>
    public void SetFiles(IEnumerable<KeyValuePair<string, DigestDocument?>> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var list = files.ToList();
        if (list.Count == 0) return;
        Update(now =>
        {
            var builder = now.Files.ToBuilder();
            foreach (var (uri, doc) in list)
            {
                if (doc is null) builder.Remove(uri);
                else builder[uri] = doc;
            }
            return now with { Files = builder.ToImmutable() };
        });
    }

    /// <summary>Forgets every file (a new scan follows), and starts a new duplicate index (the threshold may have changed).</summary>
    public void ResetFiles(DuplicateIndex index) => Update(now => now with { Files = NoFiles, Index = index });

    private void Set(OpenDocument doc) => Update(now => now with { Documents = now.Documents.SetItem(doc.Uri, doc) });

    private void Update(Func<DocumentSnapshot, DocumentSnapshot> change)
    {
        lock (_write)
        {
            var now = Current;
            var next = change(now);
            if (ReferenceEquals(next, now)) return;
            Volatile.Write(ref _current, next with { Generation = now.Generation + 1 });
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }
}
