using System.Text;
using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Tests.Support;


namespace PaperLsp.Protocol.Tests;

public class MessageWriterTests
{
    private static JsonElement Json(string json) => JsonElement.Parse(json);

    /// <summary>Writes one message and returns the frame exactly as it went out.</summary>
    private static async Task Check(Message message, string expectedBody)
    {
        using var output = new MemoryStream();
        using (var writer = new MessageWriter(output))
        {
            await writer.WriteAsync(message);
        }

        int length = Encoding.UTF8.GetByteCount(expectedBody);
        Assert.That(Encoding.UTF8.GetString(output.ToArray()), Is.EqualTo($"Content-Length: {length}\r\n\r\n{expectedBody}"));
    }

    [Test]
    public Task Request_with_number_id() =>
        Check(new RequestMessage(new RequestId(7), "textDocument/hover", Json("""{"a":1}""")),
            """{"jsonrpc":"2.0","id":7,"method":"textDocument/hover","params":{"a":1}}""");

    [Test]
    public Task Request_with_string_id_and_no_params() =>
        Check(new RequestMessage(new RequestId("7"), "shutdown"), """{"jsonrpc":"2.0","id":"7","method":"shutdown"}""");

    [Test]
    public Task Notification() =>
        Check(new NotificationMessage("exit"), """{"jsonrpc":"2.0","method":"exit"}""");

    [Test]
    public Task Success_with_null_result_still_has_a_result_member() =>
        Check(ResponseMessage.Success(new RequestId(1), null), """{"jsonrpc":"2.0","id":1,"result":null}""");

    [Test]
    public Task Error_about_an_unreadable_message_has_id_null() =>
        Check(ResponseMessage.Failure(null, ErrorCodes.ParseError, "bad"), """{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}""");

    [Test]
    public Task Non_ascii_text_stays_utf8_and_is_counted_in_bytes() =>
        Check(new NotificationMessage("n", Json("""{"t":"é <ü> ∑"}""")), """{"jsonrpc":"2.0","method":"n","params":{"t":"é <ü> ∑"}}""");

    [Test]
    public async Task Astral_characters_survive_a_write_and_a_read()
    {
        const string title = "𝔸 digest 😀";
        var (output, input) = InMemoryDuplexStream.CreatePair();
        using var writer = new MessageWriter(output);
        var parameters = JsonSerializer.SerializeToElement([title], TestJsonContext.Default.StringArray);
        await writer.WriteAsync(new NotificationMessage("n", parameters));

        var result = await new MessageReader(input).ReadAsync();

        Assert.That(result.Status, Is.EqualTo(ReadStatus.Message));
        Assert.That(((NotificationMessage)result.Message!).Params!.Value[0].GetString(), Is.EqualTo(title));
    }

    [Test]
    public async Task Concurrent_writes_never_interleave()
    {
        var (output, input) = InMemoryDuplexStream.CreatePair();
        using var writer = new MessageWriter(output);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(task => Task.Run(async () =>
        {
            for (int i = 0; i < 50; i++)
            {
                await writer.WriteAsync(new NotificationMessage("n", Json($$"""{"task":{{task}},"i":{{i}},"pad":"{{new string('x', task * 100)}}"}""")));
            }
        })));
        output.CompleteWriting();

        var reader = new MessageReader(input);
        var seen = new HashSet<string>();
        ReadResult result;
        while ((result = await reader.ReadAsync()).Status == ReadStatus.Message)
        {
            var p = ((NotificationMessage)result.Message!).Params!.Value;
            seen.Add($"{p.GetProperty("task")}/{p.GetProperty("i")}");
        }

        Assert.That(result.Status, Is.EqualTo(ReadStatus.EndOfStream));
        Assert.That(seen, Has.Count.EqualTo(8 * 50));
    }
}
