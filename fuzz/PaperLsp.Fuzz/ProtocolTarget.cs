using System.Text;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Fuzz;

/// <summary>
/// The base-protocol reader on any bytes. Oracles: no exception; every read ends in a defined status;
/// the reader always makes progress and reaches the end of the input; a reader that decodes document
/// texts apart (from a few bytes on, so the corpus's didOpen qualifies) reads the same as one that never does.
/// </summary>
internal sealed class ProtocolTarget : ITarget
{
    private static readonly MessageReaderOptions Options = new() { MaxBodyBytes = 256 * 1024, DocumentTextBytes = 64 };
    private static readonly MessageReaderOptions General = Options with { DocumentTextBytes = int.MaxValue };

    public string Name => "protocol";

    public IEnumerable<byte[]> InitialCorpus(string repoRoot, string? seedsFolder)
    {
        string text = seedsFolder is not null && Directory.Exists(seedsFolder)
            ? File.ReadAllText(Directory.GetFiles(seedsFolder).Order(StringComparer.Ordinal).First())[..4000]
            : File.ReadAllText(Path.Combine(repoRoot, "samples", "spaced.digest"));
        string open = """{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.digest","languageId":"paper-digest","version":1,"text":""" + System.Text.Json.JsonSerializer.Serialize(text) + "}}}";
        string[] bodies =
        [
            """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}""",
            open,
            """{"jsonrpc":"2.0","id":"s","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.digest"},"position":{"line":0,"character":3}}}""",
            """{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"s"}}""",
            """{"jsonrpc":"2.0","id":9,"result":null}""",
            """[{"jsonrpc":"2.0","method":"initialized","params":{}}]""",
            """{"jsonrpc":"2.0","id":2,"method":""",
            "{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":\"\u00e9\u00e8 𝔸\"}",
        ];
        foreach (var body in bodies) yield return Frame(body);
        yield return [.. bodies.SelectMany(Frame)];
        yield return [.. Encoding.ASCII.GetBytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n"), .. Frame(bodies[2])];
    }

    /// <summary>What a handler would get from a read: the text-sync params bound (text included), or the read's outcome.</summary>
    private static string Bound(ReadResult result)
    {
        string outcome = $"{result.Status} {result.Reply?.Error?.Code} {result.Problem}";
        if (result.Message is not NotificationMessage { Method: Methods.TextDocumentDidOpen or Methods.TextDocumentDidChange } notification)
        {
            return outcome + " " + result.Message?.GetType().Name;
        }

        try
        {
            return notification.Method == Methods.TextDocumentDidOpen
                ? outcome + " " + notification.ParamsAs(LspJsonContext.Default.DidOpenTextDocumentParams).TextDocument
                : outcome + " " + string.Join(" ", notification.ParamsAs(LspJsonContext.Default.DidChangeTextDocumentParams).ContentChanges);
        }
        catch (ResponseErrorException e)
        {
            return outcome + " params error " + e.Error.Code; // its message may cite byte positions, which differ
        }
    }

    private static byte[] Frame(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return [.. Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"), .. bytes];
    }

    public Outcome Run(byte[] input, Random rng)
    {
        var features = new HashSet<long>();
        try
        {
            var reader = new MessageReader(new MemoryStream(input), Options);
            var general = new MessageReader(new MemoryStream(input), General);
            long previous = 0;
            for (int reads = 0; reads < 100_000; reads++)
            {
                var result = reader.ReadAsync().AsTask().GetAwaiter().GetResult();
                string seen = Bound(result), expected = Bound(general.ReadAsync().AsTask().GetAwaiter().GetResult());
                if (seen != expected)
                {
                    return new Outcome(features, $"read {reads} differs from the general reader's:\n{seen}\n{expected}");
                }

                long kind = ((long)result.Status + 1) * 64 + (result.Message switch
                {
                    RequestMessage => 1, NotificationMessage => 2, ResponseMessage { Error: null } => 3, ResponseMessage => 4, _ => 0,
                }) + (result.Reply?.Error?.Code ?? 0) * 4096L;
                features.Add(kind);
                features.Add((previous << 24) ^ kind ^ (1L << 50));
                previous = kind;
                if (result.Status is ReadStatus.EndOfStream or ReadStatus.UnexpectedEndOfStream) return new Outcome(features, null);
            }
            return new Outcome(features, "no progress: 100,000 reads without reaching the end of the input");
        }
        catch (Exception e)
        {
            return new Outcome(features, $"{e.GetType().Name}: {e.Message}\n{e.StackTrace}");
        }
    }
}
