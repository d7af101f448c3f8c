using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using static PaperLsp.Protocol.Tests.Support.Frames;

namespace PaperLsp.Protocol.Tests;

/// <summary>
/// A didOpen or didChange whose text is large has the text decoded straight from the body; the params
/// element holds <c>""</c> in its place, and what a handler binds is exactly what the general reader gives.
/// Anything unusual goes the general way, with the same outcome as before.
/// </summary>
public class DocumentTextTests
{
    // Low enough that the fixtures' texts count as large, and no uri or method does.
    private static readonly MessageReaderOptions OnePass = new() { DocumentTextBytes = 24 };
    private static readonly MessageReaderOptions General = new() { DocumentTextBytes = int.MaxValue };

    private const string Item = "\"uri\":\"file:///a.digest\",\"languageId\":\"paper-digest\",\"version\":3";

    private static string DidOpen(string textJson) =>
        """{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{""" + Item + ",\"text\":\"" + textJson + "\"}}}";

    private static async Task<ReadResult> ReadAsync(byte[] body, MessageReaderOptions options) =>
        await new MessageReader(new MemoryStream(Frame(body)), options).ReadAsync();

    /// <summary>What a handler gets from the message: the bound params, text included, or the reader's verdict.</summary>
    private static string Bound(ReadResult result)
    {
        if (result.Message is not NotificationMessage notification || notification.Method is not (Methods.TextDocumentDidOpen or Methods.TextDocumentDidChange))
        {
            return $"{Describe(result)} {result.Problem}";
        }

        try
        {
            if (notification.Method == Methods.TextDocumentDidOpen)
            {
                var doc = notification.ParamsAs(LspJsonContext.Default.DidOpenTextDocumentParams).TextDocument;
                return $"open {doc.Uri} {doc.LanguageId} v{doc.Version} {Json(doc.Text)}";
            }

            var p = notification.ParamsAs(LspJsonContext.Default.DidChangeTextDocumentParams);
            return $"change {p.TextDocument.Uri} v{p.TextDocument.Version} " + string.Join(" ", p.ContentChanges.Select(c => $"{c.Range} {Json(c.Text)}"));
        }
        catch (ResponseErrorException e)
        {
            return $"params error {e.Error.Code}";
        }
    }

    /// <summary>The text as the params element holds it.</summary>
    private static string? TextInParams(ReadResult result)
    {
        var notification = (NotificationMessage)result.Message!;
        var parameters = notification.Params!.Value;
        var holder = notification.Method == Methods.TextDocumentDidOpen
            ? parameters.GetProperty("textDocument")
            : parameters.GetProperty("contentChanges")[0];
        return holder.GetProperty("text").GetString();
    }

    private static string Json(string text) => JsonSerializer.Serialize(text, LspJsonContext.Default.String);

    /// <summary>The text is lifted out of the params, and binding gives what the general reader gives: <paramref name="expected"/>.</summary>
    private static async Task Lifted(string body, string expected)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(body);
        var onePass = await ReadAsync(bytes, OnePass);
        var general = await ReadAsync(bytes, General);
        Assert.That(TextInParams(onePass), Is.Empty, "the text was read apart");
        Assert.That(Bound(onePass), Is.EqualTo(Bound(general)));
        Assert.That(Bound(onePass), Does.EndWith(" " + Json(expected)));
    }

    /// <summary>The message goes the general way: the same message, params and problem as with the general reader.</summary>
    private static async Task NotLifted(byte[] body)
    {
        var onePass = await ReadAsync(body, OnePass);
        var general = await ReadAsync(body, General);
        Assert.That(Describe(onePass), Is.EqualTo(Describe(general)));
        Assert.That(onePass.Problem, Is.EqualTo(general.Problem));
        Assert.That(Bound(onePass), Is.EqualTo(Bound(general)));
    }

    private static Task NotLifted(string body) => NotLifted(Encoding.UTF8.GetBytes(body));

    [TestCase("""Alpha: First\nWe propose a method.\n""", "Alpha: First\nWe propose a method.\n", TestName = "LF as escapes")]
    [TestCase("""Alpha: First\r\nWe propose a method.\r\n\r\n""", "Alpha: First\r\nWe propose a method.\r\n\r\n", TestName = "CRLF as escapes")]
    [TestCase("Raw multibyte: é 𝔸 😀 中文, then ASCII", "Raw multibyte: é 𝔸 😀 中文, then ASCII", TestName = "raw multibyte UTF-8")]
    [TestCase("""Escaped: \u00e9 \u00C9 \u4e2d \ud835\udd38 \uD83D\uDE00!""", "Escaped: é É 中 𝔸 😀!", TestName = "uXXXX escapes, surrogate pairs, either case")]
    [TestCase("""\"quoted\" back\\slash \/ \b\f\t end""", "\"quoted\" back\\slash / \b\f\t end", TestName = "every short escape")]
    [TestCase("""\uD83D\uDE00 starts and ends with an escape \n""", "😀 starts and ends with an escape \n", TestName = "escapes at both ends")]
    [TestCase("""raw 😀 next to escaped \uD83D\uDE00😀\n""", "raw 😀 next to escaped 😀😀\n", TestName = "raw and escaped pairs side by side")]
    public Task DidOpen_text_is_decoded_exactly(string textJson, string expected) => Lifted(DidOpen(textJson), expected);

    [TestCase("""{"params":{"textDocument":{"text":"Alpha: First\nWe propose a method.\n",ITEM}},"method":"textDocument/didOpen","jsonrpc":"2.0"}""", TestName = "text first, method last")]
    [TestCase("""{"jsonrpc":"2.0","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n"}},"method":"textDocument/didOpen"}""", TestName = "text last in its object")]
    [TestCase("""{ "jsonrpc" : "2.0" , "method" : "textDocument/didOpen" , "params" : { "textDocument" : { ITEM , "text" : "Alpha: First\nWe propose a method.\n" } } }""", TestName = "spaces everywhere")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"extra":[1,{"a":"b"}],"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n","more":null}}}""", TestName = "other members around it")]
    public Task DidOpen_text_may_sit_anywhere_among_other_members(string body) =>
        Lifted(body.Replace("ITEM", Item, StringComparison.Ordinal), "Alpha: First\nWe propose a method.\n");

    [Test]
    public Task A_full_text_didChange_is_decoded_exactly() =>
        Lifted("""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.digest","version":4},"contentChanges":[{"text":"Zeta: Last\r\n\u00e9 😀 text\r\n"}]}}""",
            "Zeta: Last\r\né 😀 text\r\n");

    [Test]
    public Task A_didChange_keeps_its_range_and_later_changes() =>
        Lifted("""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.digest","version":4},"contentChanges":[{"range":{"start":{"line":1,"character":2},"end":{"line":3,"character":0}},"text":"a paste of some length \u00e9\n"},{"text":"x"}]}}""",
            "x"); // Bound ends with the second change's text; the first one's is checked against the general reader

    [Test]
    public async Task Ill_typed_params_are_invalid_params_as_before()
    {
        string body = DidOpen("""Alpha: First\nWe propose a method.\n""").Replace("\"version\":3", "\"version\":\"3\"", StringComparison.Ordinal);
        var onePass = await ReadAsync(Encoding.UTF8.GetBytes(body), OnePass);
        Assert.That(Bound(onePass), Is.EqualTo("params error -32602"));
        Assert.That(Bound(await ReadAsync(Encoding.UTF8.GetBytes(body), General)), Is.EqualTo("params error -32602"));
    }

    [TestCase("""lone high surrogate \uD800 then text""", TestName = "lone high surrogate")]
    [TestCase("""lone low surrogate \uDC00 then text""", TestName = "lone low surrogate")]
    [TestCase("""high surrogate then a letter \uD83D\u0041""", TestName = "high surrogate before a non-surrogate")]
    [TestCase("""ends in a high surrogate escape \uD83D""", TestName = "high surrogate at the end")]
    [TestCase("""a bad escape \x in the text here""", TestName = "bad escape")]
    [TestCase("""a short escape \u12 in the text here""", TestName = "short unicode escape")]
    [TestCase("a raw\ttab inside the text, which JSON forbids", TestName = "raw control character")]
    public Task A_text_that_is_not_plainly_valid_goes_the_general_way(string textJson) => NotLifted(DidOpen(textJson));

    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n"}}} trailing""", TestName = "invalid JSON after the text")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n",}}}""", TestName = "trailing comma")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n""", TestName = "body ends inside the message")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n""" + "\\", TestName = "body ends inside the text")]
    [TestCase("""[{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n"}}}]""", TestName = "a batch")]
    [TestCase("""{"jsonrpc":"1.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n"}}}""", TestName = "wrong jsonrpc version")]
    [TestCase("""{"jsonrpc":"2.0","id":9,"method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n"}}}""", TestName = "a request, not a notification")]
    [TestCase("""{"jsonrpc":"2.0","method":"custom/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n"}}}""", TestName = "another method")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n"}}}""", TestName = "didChange with didOpen's shape")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.digest","version":4},"contentChanges":[{"text":"x"},{"text":"Alpha: First\nWe propose a method.\n"}]}}""", TestName = "a large second change")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"body":"Alpha: First\nWe propose a method.\n","text":""}}}""", TestName = "the large string elsewhere")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n","text":"second"}}}""", TestName = "text given twice")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"Text":"x","text":"Alpha: First\nWe propose a method.\n"}}}""", TestName = "a namesake differing in case")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n"}},"params":{"textDocument":{ITEM,"text":"x"}}}""", TestName = "params given twice")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n","uri":"file:///a-second-uri-long-enough.digest"}}}""", TestName = "two large strings")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"Alpha: First\nWe propose a method.\n":"text"}}}""", TestName = "the large string is a member name")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"text":["Alpha: First\nWe propose a method.\n"]}}}""", TestName = "text inside an array")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{ITEM,"\uD800":1,"text":"Alpha: First\nWe propose a method.\n"}}}""", TestName = "a member name with a lone surrogate")]
    [TestCase("""{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"\uDC00":{},"textDocument":{ITEM,"text":"Alpha: First\nWe propose a method.\n"}}}""", TestName = "a member name with a lone surrogate before the path")]
    public Task An_unusual_message_goes_the_general_way(string body) => NotLifted(body.Replace("ITEM", Item, StringComparison.Ordinal));

    [Test]
    public async Task Random_texts_read_the_same_either_way()
    {
        string[] valid = ["a", "Title: ", "\\n", "\\r\\n", "é", "😀", "中", "\\u00e9", "\\uD83D\\uDE00", "\\\"", "\\\\", "\\/", "\\t"];
        string[] invalid = ["\\uD83D", "\\uDE00", "\t", "\\x", "\\u12G4", "\\u", "\"", "\u0001"];
        var random = new Random(1234);
        for (int i = 0; i < 1000; i++)
        {
            // Every other text is valid, and must be read in one pass; the others have invalid pieces here and there.
            string[] pieces = i % 2 == 0 ? valid : [.. valid, .. invalid];
            var text = new StringBuilder("Long enough to count: ");
            for (int n = random.Next(2, 40); n > 0; n--)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            byte[] body = Encoding.UTF8.GetBytes(DidOpen(text.ToString()));
            var onePass = await ReadAsync(body, OnePass);
            Assert.That(Bound(onePass), Is.EqualTo(Bound(await ReadAsync(body, General))), text.ToString());
            if (i % 2 == 0)
            {
                Assert.That(TextInParams(onePass), Is.Empty, text.ToString());
            }
        }
    }

    [Test]
    public Task Invalid_utf8_in_the_text_is_a_parse_error_as_before() =>
        NotLifted([.. Encoding.UTF8.GetBytes(DidOpen("some text long enough to count"))[..^10], 0xC3, 0x28, .. "\"}}}"u8]);

    [Test]
    public async Task A_huge_text_arrives_whole_with_the_default_options()
    {
        var text = new StringBuilder();
        for (int i = 0; text.Length < 3_000_000; i++)
        {
            text.Append(i % 3 == 0 ? "\r\n" : "\n").Append(i.ToString(CultureInfo.InvariantCulture)).Append(": \"Title\" é 𝔸 😀 中 \\ tab\t/");
        }

        string expected = text.ToString();
        foreach (var encoder in new[] { JavaScriptEncoder.Default, JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        {
            byte[] body = [.. Encoding.UTF8.GetBytes(DidOpen("")[..^4]), .. JsonEncodedText.Encode(expected, encoder).EncodedUtf8Bytes, .. "\"}}}"u8];
            var read = await ReadAsync(body, MessageReaderOptions.Default);
            var doc = ((NotificationMessage)read.Message!).ParamsAs(LspJsonContext.Default.DidOpenTextDocumentParams).TextDocument;
            Assert.That(doc.Text, Is.EqualTo(expected), encoder.GetType().Name);
            Assert.That(TextInParams(read), Is.Empty, "the text was read apart");
        }
    }
}
