using System.Text;
using System.Text.Json.Nodes;

namespace PaperLsp.Server.Tests.Support;

/// <summary>Applies LSP TextEdits to a text, as a client would, in UTF-16 or UTF-8 columns.</summary>
public static class TextEdits
{
    public static string Apply(string text, JsonArray edits, bool utf8 = false)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) starts.Add(i + 1);
        int Offset(JsonNode position)
        {
            int line = (int)position["line"]!, character = (int)position["character"]!;
            int start = starts[line];
            if (!utf8) return start + character;
            int i = start, bytes = 0;
            while (bytes < character)
            {
                int width = char.IsHighSurrogate(text[i]) ? 2 : 1;
                bytes += Encoding.UTF8.GetByteCount(text.AsSpan(i, width));
                i += width;
            }
            return i;
        }
        var spans = edits.Select(e => (Start: Offset(e!["range"]!["start"]!), End: Offset(e["range"]!["end"]!), Text: (string)e["newText"]!))
            .OrderByDescending(e => e.Start).ThenByDescending(e => e.End).ToList();
        for (int k = 1; k < spans.Count; k++)
            Assert.That(spans[k].End, Is.LessThanOrEqualTo(spans[k - 1].Start), "the server sent overlapping edits");
        var sb = new StringBuilder(text);
        foreach (var (start, end, newText) in spans) sb.Remove(start, end - start).Insert(start, newText);
        return sb.ToString();
    }
}
