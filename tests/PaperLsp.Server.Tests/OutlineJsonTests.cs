using PaperLsp.Core.Features;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Text;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Handlers;
using PaperLsp.Server.Tests.Support;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Tests;

/// <summary>The outline written from reused per-paper fragments must be byte for byte what serialising it whole gives.</summary>
public class OutlineJsonTests
{
    private static readonly string[] Inserts = ["x", "\n", "\n\n", "Title: Inserted Paper\n\nWe insert a paper. It has an abstract.\n\n", "> #toread\n", "Sep 12\n\n", "𝔸", ""];

    private static string Reference(DigestDocument doc, bool utf8)
    {
        var map = new PositionMapper(doc.Text, doc.Lines, utf8);
        return JsonPayload.ToResult(Outline.Of(doc).Select(i => Symbol(i, map)).ToList(), LspJsonContext.Default.IReadOnlyListDocumentSymbol).ToElement().GetRawText();
    }

    private static DocumentSymbol Symbol(OutlineItem item, PositionMapper map) => new()
    {
        Name = item.Name,
        Detail = item.Detail,
        Kind = DocumentSymbolHandler.Kind(item),
        Range = map.ToRange(item.Span),
        SelectionRange = map.ToRange(item.SelectionSpan),
        Children = item.Children.Count == 0 ? null : item.Children.Select(c => Symbol(c, map)).ToList(),
    };

    [Test]
    public void Edits_give_the_same_bytes_as_serialising_the_whole_outline([Values] bool utf8)
    {
        string text = Digests.Spaced(120_000, seed: 3) + "Sep 11\n\nLast: A Paper With A Tag\n\nIts abstract says one thing.\n> #read #graphs\n";
        var source = SourceText.From(text);
        var doc = DigestParser.Parse(text, "big.digest");
        var rng = new Random(4);
        int sameLines = 0;
        for (int i = 0; i < 60; i++)
        {
            int at = doc.Papers[rng.Next(doc.Papers.Count)].TitleSpan.Start + rng.Next(0, 3);
            string inserted = Inserts[rng.Next(Inserts.Length)];
            source = source.Replace(at, 0, inserted);
            doc = IncrementalParser.Reparse(doc, source, new TextChange(at, 0, inserted.Length), "big.digest");
            var map = new PositionMapper(doc.Text, doc.Lines, utf8);
            string actual = OutlineJson.Write(Outline.Of(doc), map, DocumentSymbolHandler.Kind, out int reused).ToElement().GetRawText();
            Assert.That(actual, Is.EqualTo(Reference(doc, utf8)), $"edit {i}: {inserted} at {at}");
            // A character typed into a title moves no line: only the papers the re-parse read again (the edited one
            // and a neighbour on each side) are written anew; every other symbol is the one kept from before.
            if (i > 0 && inserted is "x" or "𝔸")
            {
                sameLines++;
                Assert.That(reused, Is.GreaterThanOrEqualTo(doc.Papers.Count - 3), $"edit {i}: symbols written again although nothing about them changed");
            }
        }
        Assert.That(sameLines, Is.GreaterThan(5), "the edits must include characters typed into titles");
    }

    [Test]
    public void A_symbol_whose_title_was_typed_into_is_written_anew()
    {
        string text = "Sep 10\n\nAlpha: First\n\nOne abstract.\n\nBeta: Second\n\nAnother abstract.\n";
        var doc = DigestParser.Parse(text, "a.digest");
        var map = new PositionMapper(doc.Text, doc.Lines, false);
        _ = OutlineJson.Write(Outline.Of(doc), map, DocumentSymbolHandler.Kind);
        string edited = text.Replace("Beta: Second", "Beta: Seconds", StringComparison.Ordinal);
        var next = DigestParser.Parse(edited, "a.digest");
        string json = OutlineJson.Write(Outline.Of(next), new PositionMapper(next.Text, next.Lines, false), DocumentSymbolHandler.Kind).ToElement().GetRawText();
        Assert.That(json, Does.Contain("\"Beta: Seconds\"").And.Contain("\"character\":13"));
        Assert.That(json, Is.EqualTo(Reference(next, false)));
    }
}
