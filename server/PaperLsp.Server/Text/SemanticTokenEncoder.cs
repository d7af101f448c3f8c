using System.Text;
using PaperLsp.Core.Features;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Text;

/// <summary>
/// The token legend, and highlight tokens as LSP's relative integers (delta line, delta start,
/// length, type, modifiers), with columns and lengths in UTF-16 code units or UTF-8 bytes.
/// </summary>
public static class SemanticTokenEncoder
{
    // Standard types and modifiers only, so every theme colours them.
    private static readonly string[] Types = ["class", "type", "namespace", "string", "variable", "macro", "number", "comment", "decorator"];
    private static readonly string[] Modifiers = ["readonly", "deprecated"];

    public static SemanticTokensLegend Legend { get; } = new(Types, Modifiers);

    /// <summary>The (type, modifier bits) a kind of token is sent as.</summary>
    public static (int Type, int Modifiers) Classify(HighlightKind kind) => kind switch
    {
        HighlightKind.Title => (0, 0),
        HighlightKind.TitleHead => (1, 0),
        HighlightKind.Heading => (2, 0),
        HighlightKind.Url => (3, 0),
        HighlightKind.ArxivId => (4, 1), // variable.readonly: themes colour it as a constant
        HighlightKind.Latex => (5, 0),
        HighlightKind.Quantity => (6, 0),
        HighlightKind.Note => (7, 0),
        HighlightKind.Tag => (8, 0),
        HighlightKind.Boilerplate => (7, 2), // comment.deprecated: dimmed and struck through
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static List<int> Encode(DigestDocument doc, IReadOnlyList<HighlightToken> tokens, bool utf8)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(tokens);
        var text = doc.Text;
        var lines = doc.Lines;
        var data = new List<int>(tokens.Count * 5);
        int line = -1, nextLineStart = 0, at = 0, column = 0;
        int prevLine = 0, prevColumn = 0;
        foreach (var token in tokens)
        {
            int start = token.Span.Start;
            if (line < 0 || start >= nextLineStart)
            {
                line = lines.LineOf(start);
                // Columns start after a byte order mark on line 0.
                at = lines.GetOffset(new LinePosition(line, 0), text);
                nextLineStart = line + 1 < lines.LineCount ? lines.LineStart(line + 1) : int.MaxValue;
                column = 0;
            }
            start = Math.Max(start, at);
            if (start >= token.Span.End) continue;
            column += Width(text.AsSpan(at, start - at), utf8);
            at = start;
            data.Add(line - prevLine);
            data.Add(line == prevLine ? column - prevColumn : column);
            data.Add(Width(text.AsSpan(start, token.Span.End - start), utf8));
            var (type, modifiers) = Classify(token.Kind);
            data.Add(type);
            data.Add(modifiers);
            (prevLine, prevColumn) = (line, column);
        }
        return data;
    }

    private static int Width(ReadOnlySpan<char> s, bool utf8) => utf8 ? Encoding.UTF8.GetByteCount(s) : s.Length;
}
