using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Server.Documents;

/// <summary>
/// One version of an open document. Its analysis is computed on first use, on whichever thread
/// asks, and only once; edits never wait for it.
/// </summary>
public sealed class OpenDocument
{
    private readonly Lazy<DigestDocument> _parsed;

    public OpenDocument(string uri, int version, string text, Func<DigestDocument> parse)
    {
        Uri = uri;
        Version = version;
        Text = text;
        _parsed = new Lazy<DigestDocument>(parse, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static OpenDocument Open(string uri, int version, string text) =>
        new(uri, version, text, () => DigestParser.Parse(text, uri));

    public string Uri { get; }
    public int Version { get; }
    public string Text { get; }
    public DigestDocument Parsed => _parsed.Value;
    public bool IsParsed => _parsed.IsValueCreated;
}
