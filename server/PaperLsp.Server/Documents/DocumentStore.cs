using System.Collections.Immutable;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Text;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Documents;

/// <summary>
/// An immutable view of every open document at one moment, with the duplicate index that the
/// workspace snapshots of this store share (it follows whichever snapshot asks).
/// </summary>
public sealed record DocumentSnapshot(long Generation, ImmutableDictionary<string, OpenDocument> Documents, DuplicateIndex Index)
{
    public OpenDocument? Get(string uri) => Documents.GetValueOrDefault(uri);
}

/// <summary>
/// The open documents. Only the message loop mutates it (didOpen, didChange, didClose run in
/// order); readers take a <see cref="DocumentSnapshot"/> and work on it concurrently.
/// </summary>
public sealed class DocumentStore
{
    private DocumentSnapshot _current = new(0, ImmutableDictionary<string, OpenDocument>.Empty.WithComparers(StringComparer.Ordinal), new DuplicateIndex());

    public DocumentSnapshot Current => Volatile.Read(ref _current);

    public bool Utf8Positions { get; set; }

    public void Open(string uri, int version, string text) => Set(OpenDocument.Open(uri, version, text));

    public void Close(string uri)
    {
        var now = Current;
        if (now.Documents.ContainsKey(uri)) Volatile.Write(ref _current, now with { Generation = now.Generation + 1, Documents = now.Documents.Remove(uri) });
    }

    /// <summary>Applies LSP content changes in order; returns false for a document that is not open.</summary>
    public bool Change(string uri, int version, IReadOnlyList<TextDocumentContentChangeEvent> changes)
    {
        var doc = Current.Get(uri);
        if (doc is null) return false;
        foreach (var change in changes)
        {
            string text = doc.Text;
            if (change.Range is null)
            {
                doc = doc.Edited(version, change.Text, null);
            }
            else
            {
                var span = new PositionMapper(text, doc.LineIndex, Utf8Positions).ToSpan(change.Range);
                string next = string.Concat(text.AsSpan(0, span.Start), change.Text, text.AsSpan(span.End));
                doc = doc.Edited(version, next, new TextChange(span.Start, span.Length, change.Text.Length));
            }
        }
        Set(doc);
        return true;
    }

    private void Set(OpenDocument doc)
    {
        var now = Current;
        Volatile.Write(ref _current, now with { Generation = now.Generation + 1, Documents = now.Documents.SetItem(doc.Uri, doc) });
    }
}
