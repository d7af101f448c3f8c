using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server;
using PaperLsp.Server.Diagnostics;
using PaperLsp.Server.Documents;

namespace PaperLsp.Bench;

/// <summary>
/// `open FILE`: the server's didOpen → first pulled diagnostics path in process, step by step, so the
/// end-to-end "open → diagnostics" figure of bench/run-sidebyside.sh can be taken apart: read the framed
/// didOpen message (the whole text as a JSON string) with the protocol's reader, bind its params, open
/// the document (line index), parse, the workspace's duplicate analysis, map to LSP diagnostics, and
/// serialise the report. Each run starts from a new <see cref="DocumentStore"/>.
/// </summary>
internal static class OpenBench
{
    public static void Run(string file, int repeat, int warmup, Out output)
    {
        const string uri = "file:///bench.digest";
        string text = File.ReadAllText(file, ParseBench.Utf8);
        byte[] frame = DidOpenFrame(uri, text);
        output.Line(string.Create(CultureInfo.InvariantCulture, $"didOpen message: {frame.Length / 1e6:F1} MB of JSON, text {text.Length / 1e6:F1} M UTF-16 chars"));
        var steps = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var totals = new List<double>();
        var pauses = new List<double>();
        int diagnostics = 0, gen2 = GC.CollectionCount(2);
        for (int i = 0; i < warmup + repeat; i++)
        {
            var pause = GC.GetTotalPauseDuration();
            var clock = Stopwatch.StartNew();
            var read = new MessageReader(new MemoryStream(frame, writable: false)).ReadAsync().AsTask().GetAwaiter().GetResult();
            double tRead = clock.Elapsed.TotalMilliseconds;
            var item = ((NotificationMessage)read.Message!).ParamsAs(LspJsonContext.Default.DidOpenTextDocumentParams).TextDocument;
            double tBind = clock.Elapsed.TotalMilliseconds;
            var store = new DocumentStore();
            store.Open(item.Uri, item.Version, item.Text);
            double tOpen = clock.Elapsed.TotalMilliseconds;
            _ = store.Current.Get(uri)!.Parsed;
            double tParse = clock.Elapsed.TotalMilliseconds;
            var workspace = ServerSession.Workspace(store.Current);
            _ = workspace.ProblemsOf(uri);
            double tDup = clock.Elapsed.TotalMilliseconds;
            var mapped = DiagnosticMapper.Map(workspace, uri, utf8: false);
            double tMap = clock.Elapsed.TotalMilliseconds;
            var json = JsonPayload.ToResult(DocumentDiagnosticReport.Full(mapped, DiagnosticMapper.Fingerprint(mapped)), LspJsonContext.Default.DocumentDiagnosticReport);
            double total = clock.Elapsed.TotalMilliseconds;
            _ = json;
            diagnostics = mapped.Count;
            if (i < warmup) continue;
            EditBench.Add(steps, "read frame", tRead);
            EditBench.Add(steps, "params", tBind - tRead);
            EditBench.Add(steps, "open+lines", tOpen - tBind);
            EditBench.Add(steps, "parse", tParse - tOpen);
            EditBench.Add(steps, "duplicates", tDup - tParse);
            EditBench.Add(steps, "map", tMap - tDup);
            EditBench.Add(steps, "serialise", total - tMap);
            totals.Add(total);
            pauses.Add((GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
        }
        foreach (var (name, xs) in steps) output.Line(EditBench.Row(name, xs));
        output.Line(EditBench.Row("total", totals));
        output.Line(EditBench.Row("gc pause", pauses));
        output.Line(string.Create(CultureInfo.InvariantCulture, $"{diagnostics} diagnostics; gen2 collections: {GC.CollectionCount(2) - gen2} over {warmup + repeat} opens"));
    }

    /// <summary>
    /// The framed message a client sends: header, then the didOpen notification with the text as one JSON
    /// string, raw UTF-8 as real clients send it. The text is escaped in slices (Utf8JsonWriter refuses
    /// strings over 166 M characters, and the 1000x digest is 206 M).
    /// </summary>
    private static byte[] DidOpenFrame(string uri, string text)
    {
        var encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        var body = new MemoryStream(text.Length + 1024);
        void Raw(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        Raw("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":");
        Raw(JsonSerializer.Serialize(uri, LspJsonContext.Default.String));
        Raw(",\"languageId\":\"plaintext\",\"version\":1,\"text\":\"");
        const int Slice = 1 << 20;
        for (int at = 0; at < text.Length;)
        {
            int n = Math.Min(Slice, text.Length - at);
            if (n < text.Length - at && char.IsHighSurrogate(text[at + n - 1])) n--; // keep surrogate pairs whole
            body.Write(JsonEncodedText.Encode(text.AsSpan(at, n), encoder).EncodedUtf8Bytes);
            at += n;
        }
        Raw("\"}}}");
        byte[] header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));
        return [.. header, .. body.ToArray()];
    }
}
