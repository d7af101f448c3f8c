using System.Text;
using PaperLsp.Protocol.JsonRpc;

namespace PaperLsp.Protocol.Tests.Support;

/// <summary>Builds framed bytes and reads them back as one-line descriptions, so that a test is input and expected lines.</summary>
internal static class Frames
{
    public static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(10);

    public static byte[] Frame(string json) => Frame(Encoding.UTF8.GetBytes(json));

    public static byte[] Frame(byte[] body) => [.. Ascii($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Request(int id, string method = "m") => Frame($$"""{"jsonrpc":"2.0","id":{{id}},"method":"{{method}}"}""");

    /// <summary>Feeds the chunks (one read each) and then end of stream to a reader; describes every result up to the end.</summary>
    public static async Task<string[]> ReadAllAsync(IEnumerable<byte[]> chunks, MessageReaderOptions? options = null)
    {
        var (input, readerEnd) = InMemoryDuplexStream.CreatePair();
        using (input)
        using (readerEnd)
        {
            foreach (byte[] chunk in chunks)
            {
                input.Write(chunk);
            }

            input.CompleteWriting();
            var reader = new MessageReader(readerEnd, options);
            var lines = new List<string>();
            while (lines.Count < 10_000)
            {
                var result = await reader.ReadAsync().AsTask().WaitAsync(TestTimeout);
                lines.Add(Describe(result));
                if (result.Status is ReadStatus.EndOfStream or ReadStatus.UnexpectedEndOfStream)
                {
                    break;
                }
            }

            return [.. lines];
        }
    }

    public static Task<string[]> ReadAllAsync(params byte[][] chunks) => ReadAllAsync((IEnumerable<byte[]>)chunks);

    public static string Describe(ReadResult result) => result.Status switch
    {
        ReadStatus.Message => Describe(result.Message!),
        ReadStatus.InvalidMessage => $"invalid {result.Reply!.Error!.Code} reply-id {result.Reply.Id?.ToString() ?? "null"}",
        ReadStatus.FramingError => $"framing error: {result.Problem}",
        ReadStatus.EndOfStream => "end",
        _ => $"unexpected end: {result.Problem}",
    };

    public static string Describe(Message message) => message switch
    {
        RequestMessage r => $"request {r.Id} {r.Method}{Raw(r.Params)}",
        NotificationMessage n => $"notification {n.Method}{Raw(n.Params)}",
        ResponseMessage { Error: { } e } r => $"response {r.Id?.ToString() ?? "null"} error {e.Code}",
        ResponseMessage r => $"response {r.Id} result{Raw(r.Result)}",
        _ => throw new ArgumentException("unknown message"),
    };

    private static string Raw(System.Text.Json.JsonElement? json) => json is { } j ? " " + j.GetRawText() : "";
}
