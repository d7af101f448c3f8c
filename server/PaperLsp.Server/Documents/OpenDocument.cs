using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;

namespace PaperLsp.Server.Documents;

/// <summary>
/// One version of an open document. Its analysis is computed on first use, on whichever thread
/// asks, and only once. A version made by an edit remembers the last analysed version before it
/// and the change since, so that analysis re-reads only the edited papers.
/// </summary>
public sealed class OpenDocument
{
    private readonly Lazy<DigestDocument> _parsed;
    private DigestDocument? _base;
    private readonly TextChange? _sinceBase;

    private OpenDocument(string uri, int version, SourceText text, LineIndex lines, DigestDocument? baseDocument, TextChange? sinceBase)
    {
        Uri = uri;
        Version = version;
        Text = text;
        LineIndex = lines;
        _base = baseDocument;
        _sinceBase = sinceBase;
        _parsed = new Lazy<DigestDocument>(Analyse, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static OpenDocument Open(string uri, int version, string text) => new(uri, version, SourceText.From(text), LineIndex.Create(text), null, null);

    /// <summary>The next version, after <paramref name="change"/> (null: the whole text was replaced).</summary>
    public OpenDocument Edited(int version, SourceText text, TextChange? change)
    {
        if (change is not { } c) return Open(Uri, version, text.ToString());
        var lines = LineIndex.Edited(c, text);
        if (_parsed.IsValueCreated) return new OpenDocument(Uri, version, text, lines, _parsed.Value, c);
        var baseDocument = Volatile.Read(ref _base);
        return baseDocument is not null && _sinceBase is { } since
            ? new OpenDocument(Uri, version, text, lines, baseDocument, TextChange.Compose(since, c))
            : new OpenDocument(Uri, version, text, lines, null, null);
    }

    /// <summary>
    /// Answers computed from this version alone (outline, folding, links, tokens), serialised: editors ask
    /// for the same ones several times per version (outline view, breadcrumbs, sticky scroll).
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, PaperLsp.Protocol.JsonRpc.JsonResult> Results { get; } = new(StringComparer.Ordinal);

    public string Uri { get; }
    public int Version { get; }
    public SourceText Text { get; }
    public DigestDocument Parsed => _parsed.Value;
    public bool IsParsed => _parsed.IsValueCreated;

    /// <summary>The line index of this version's text, kept up to date edit by edit (no re-scan of the text).</summary>
    public LineIndex LineIndex { get; }

    private DigestDocument Analyse()
    {
        var baseDocument = Volatile.Read(ref _base);
        var result = baseDocument is not null && _sinceBase is { } change
            ? IncrementalParser.Reparse(baseDocument, Text, change, Uri)
            : DigestParser.Parse(Text.ToString(), Uri);
        Volatile.Write(ref _base, null); // let the older version go
        return result;
    }
}
