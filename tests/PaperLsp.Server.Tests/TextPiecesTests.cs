using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

/// <summary>
/// Typing in a large digest must not copy the whole document: each version shares its text with the one
/// before, and what an editor asks for after every keystroke reads only the lines it needs.
/// </summary>
public class TextPiecesTests
{
    [Test]
    public async Task Typing_and_the_requests_that_follow_each_keystroke_never_make_the_document_one_string()
    {
        const string uri = "file:///big.digest";
        ServerSession? session = null;
        await using var client = await TestClient.StartAsync(configure: s => session = s);
        string text = Digests.Spaced(400_000);
        await client.OpenAsync(uri, text);
        await client.DiagnosticsAsync(uri);
        var lines = text.Split('\n');
        int titleLine = Array.FindIndex(lines, lines.Length / 2, l => l.StartsWith("Paper ", StringComparison.Ordinal));
        string doc = $$$"""{"textDocument":{"uri":"{{{uri}}}"}}""";
        string at = $$$"""{"textDocument":{"uri":"{{{uri}}}"},"position":{"line":{{{titleLine}}},"character":3}}""";
        for (int version = 2; version <= 6; version++)
        {
            await client.ChangeAsync(uri, version, titleLine, 2, titleLine, 2, "x");
            await client.RequestAsync("textDocument/diagnostic", doc);
            await client.RequestAsync("textDocument/documentSymbol", doc);
            await client.RequestAsync("textDocument/foldingRange", doc);
            await client.RequestAsync("textDocument/semanticTokens/full", doc);
            await client.RequestAsync("textDocument/documentLink", doc);
            await client.RequestAsync("textDocument/hover", at);
            await client.RequestAsync("textDocument/documentHighlight", at);
            await client.RequestAsync("textDocument/selectionRange", $$$"""{"textDocument":{"uri":"{{{uri}}}"},"positions":[{"line":{{{titleLine}}},"character":3}]}""");
            await client.RequestAsync("textDocument/inlayHint", "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"range\":{\"start\":{\"line\":0,\"character\":0},\"end\":{\"line\":" + lines.Length + ",\"character\":0}}}");
            await client.RequestAsync("textDocument/codeLens", doc);
            await client.DiagnosticsAsync(uri, d => (int?)d["version"] == version);
        }
        var open = session!.Documents.Current.Get(uri)!;
        Assert.That(open.Version, Is.EqualTo(6));
        Assert.That(open.Text.PieceCount, Is.GreaterThan(1), "the text is kept in pieces");
        Assert.That(open.Text.TryGetString(out _), Is.False, "something on the typing path turned the whole document into one string");
        Assert.That(open.Text.ToString(), Is.EqualTo(string.Join('\n', lines.Select((l, i) => i == titleLine ? l[..2] + "xxxxx" + l[2..] : l))));
    }
}
