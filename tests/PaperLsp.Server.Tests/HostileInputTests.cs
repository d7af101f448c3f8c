using System.Text;
using System.Text.Json.Nodes;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

/// <summary>
/// Malicious documents and malicious traffic (issue 8): the server answers or ignores per the spec,
/// and keeps serving. Other hostile cases live beside their features (hover escaping, CLI escapes,
/// protocol framing, symlink loops in the scanner, Markdown nesting).
/// </summary>
public class HostileInputTests
{
    private const string Doc = "file:///a.digest";
    private const string Normal = "A Paper on Kernels\n\nWe study kernels with a method and report results on benchmarks.\n";

    private static async Task StillServes(TestClient client)
    {
        await client.OpenAsync("file:///probe.digest", Normal);
        var symbols = await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///probe.digest"}}""");
        Assert.That((string?)symbols![0]!["name"], Is.EqualTo("A Paper on Kernels"));
    }

    [Test]
    public async Task A_100_MB_single_line_is_answered()
    {
        await using var client = await TestClient.StartAsync();
        var line = new StringBuilder(100_000_000);
        while (line.Length < 100_000_000) line.Append("words without end, ");
        await client.OpenAsync(Doc, line.ToString());
        line.Clear();
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}"""))!.AsArray();
        Assert.That(symbols, Has.Count.EqualTo(1));
        var hover = await client.RequestAsync("textDocument/hover", """{"textDocument":{"uri":"file:///a.digest"},"position":{"line":0,"character":50000000}}""");
        Assert.That((string)hover!["contents"]!["value"]!, Does.Contain("words"));
        await client.NotifyAsync("textDocument/didClose", """{"textDocument":{"uri":"file:///a.digest"}}""");
        await StillServes(client);
    }

    [Test]
    public async Task Ten_million_empty_lines_are_answered()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync(Doc, new string('\n', 10_000_000) + Normal);
        var folding = (await client.RequestAsync("textDocument/foldingRange", """{"textDocument":{"uri":"file:///a.digest"}}"""))!.AsArray();
        Assert.That(folding, Has.Count.EqualTo(1));
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}"""))!.AsArray();
        Assert.That((int)symbols[0]!["range"]!["start"]!["line"]!, Is.EqualTo(10_000_000));
        await StillServes(client);
    }

    [Test]
    public async Task Nul_bytes_and_lone_surrogates_in_a_document_are_text_like_any_other()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync(Doc, "A Paper\0on Kernels \uD800 broken\n\nWe \0 study kernels \uDC00 with a method and results.\n");
        var d = await client.DiagnosticsAsync(Doc);
        Assert.That(d["diagnostics"], Is.Not.Null);
        var hover = await client.RequestAsync("textDocument/hover", """{"textDocument":{"uri":"file:///a.digest"},"position":{"line":0,"character":2}}""");
        Assert.That((string)hover!["contents"]!["value"]!, Does.Contain("Kernels"));
        await StillServes(client);
    }

    [Test]
    public async Task Wrong_types_and_out_of_range_positions_get_an_error_or_a_clamped_answer()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync(Doc, Normal);
        Assert.That(await client.ErrorCodeAsync("textDocument/hover", """{"textDocument":{"uri":42},"position":"here"}"""), Is.EqualTo(-32602));
        Assert.That(await client.ErrorCodeAsync("textDocument/documentSymbol", "[1,2,3]"), Is.EqualTo(-32602));
        Assert.That(await client.ErrorCodeAsync("textDocument/references", """{"textDocument":{"uri":"file:///a.digest"}}"""), Is.EqualTo(-32602));
        foreach (var position in new[] { """{"line":-1,"character":-5}""", """{"line":99999999,"character":0}""", """{"line":0,"character":2147483647}""" })
        {
            // Clamped to the document (the spec says a character past the line end means the line end).
            await client.RequestAsync("textDocument/hover", $$"""{"textDocument":{"uri":"file:///a.digest"},"position":{{position}}}""");
            await client.RequestAsync("textDocument/completion", $$"""{"textDocument":{"uri":"file:///a.digest"},"position":{{position}}}""");
        }
        await client.ChangeAsync(Doc, 2, 500, 0, 900, 3, "tail");
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}"""))!.AsArray();
        Assert.That(symbols, Has.Count.EqualTo(1), "an edit beyond the end appends at the end");
        await StillServes(client);
    }

    [Test]
    public async Task An_invalid_utf8_body_is_a_parse_error_and_the_connection_survives()
    {
        await using var raw = new RawClient();
        var init = await raw.RequestAsync("initialize", """{"processId":null,"rootUri":null,"capabilities":{}}""");
        await raw.ResponseAsync(init);
        byte[] body = [.. "{\"jsonrpc\":\"2.0\",\"id\":900,\"method\":\"workspace/symbol\",\"params\":{\"query\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}}"u8];
        await raw.WriteRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body]);
        var after = await raw.RequestAsync("workspace/symbol", """{"query":"x"}""");
        Assert.That((await raw.ResponseAsync(after)).Error, Is.Null, "the next message is read as usual");
        Assert.That(raw.AnonymousResponses.Select(r => r.Error?.Code), Is.EqualTo(new int?[] { -32700 }), "JSON-RPC: a parse error is answered with a null id");
        Assert.That(raw.ResponseCount(new RequestId(900)), Is.EqualTo(0));
    }

    [Test]
    public async Task A_body_cut_short_by_the_end_of_the_input_ends_the_server_with_1()
    {
        await using var raw = new RawClient();
        var init = await raw.RequestAsync("initialize", """{"processId":null,"rootUri":null,"capabilities":{}}""");
        await raw.ResponseAsync(init);
        await raw.WriteRawAsync(Encoding.ASCII.GetBytes("Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":7,"));
        raw.CompleteWriting();
        Assert.That(await raw.Server.WaitAsync(TestClient.Timeout), Is.EqualTo(1), "no shutdown came: exit code 1, and no crash");
    }

    [Test]
    public async Task Ten_thousand_requests_in_flight_each_get_exactly_one_answer()
    {
        await using var raw = new RawClient();
        var init = await raw.RequestAsync("initialize", """{"processId":null,"rootUri":null,"capabilities":{}}""");
        await raw.ResponseAsync(init);
        await raw.NotifyAsync("initialized", "{}");
        await raw.NotifyAsync("textDocument/didOpen", """{"textDocument":{"uri":"file:///a.digest","languageId":"paper-digest","version":1,"text":"A Paper on Kernels\n\nWe study kernels with a method and report results.\n"}}""");
        var ids = new List<RequestId>();
        for (int i = 0; i < 10_000; i++)
        {
            string method = (i % 4) switch { 0 => "textDocument/hover", 1 => "textDocument/documentSymbol", 2 => "workspace/symbol", _ => "textDocument/foldingRange" };
            string p = i % 4 == 2 ? """{"query":"kernel"}""" : i % 4 == 0
                ? """{"textDocument":{"uri":"file:///a.digest"},"position":{"line":0,"character":3}}"""
                : """{"textDocument":{"uri":"file:///a.digest"}}""";
            ids.Add(await raw.RequestAsync(method, p));
            if (i % 10 == 9) await raw.CancelAsync(ids[^2]);
        }
        foreach (var id in ids) await raw.ResponseAsync(id);
        Assert.That(ids.Select(raw.ResponseCount), Is.All.EqualTo(1));
    }

    [Test]
    public async Task A_watched_file_that_vanished_is_forgotten_quietly()
    {
        string root = Path.Combine(Path.GetTempPath(), "paperlsp-vanish-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            ServerSession? session = null;
            await using var client = await TestClient.StartAsync("{}", s => session = s, root);
            string ghost = new Uri(Path.Combine(root, "ghost.digest")).AbsoluteUri;
            await client.NotifyAsync("workspace/didChangeWatchedFiles", $$"""{"changes":[{"uri":"{{ghost}}","type":1},{"uri":"not a uri","type":2},{"uri":"https://example.com/x.digest","type":3}]}""");
            await session!.Indexer.Idle.WaitAsync(TestClient.Timeout);
            Assert.That(session.Documents.Current.Files, Is.Empty);
            await StillServes(client);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
