using System.Text;
using PaperLsp.Protocol.JsonRpc;
using static PaperLsp.Protocol.Tests.Support.Frames;

namespace PaperLsp.Protocol.Tests;

public class MessageReaderTests
{
    private const string Hello = """{"jsonrpc":"2.0","id":1,"method":"hello","params":{"title":"𝔸 note 😀 é"}}""";
    private const string HelloRead = """request 1 hello {"title":"𝔸 note 😀 é"}""";

    private const string Short1 = """{"jsonrpc":"2.0","id":1,"method":"m"}""";
    private const string Short2 = """{"jsonrpc":"2.0","id":2,"method":"m"}""";

    private static async Task Check(byte[][] chunks, params string[] expected) =>
        Assert.That(await ReadAllAsync(chunks), Is.EqualTo(expected));

    [Test]
    public Task One_message_then_end() =>
        Check([Frame(Hello)], HelloRead, "end");

    [Test]
    public void Multibyte_body_is_counted_in_bytes_not_chars()
    {
        Assert.That(Encoding.UTF8.GetByteCount(Hello), Is.GreaterThan(Hello.Length), "the fixture must have multibyte characters");
        Assert.That(Encoding.ASCII.GetString(Frame(Hello)), Does.StartWith($"Content-Length: {Encoding.UTF8.GetByteCount(Hello)}\r\n"));
    }

    [Test]
    public async Task Two_messages_split_at_every_byte_read_the_same()
    {
        byte[] bytes = [.. Frame(Hello), .. Request(2)];
        for (int split = 0; split <= bytes.Length; split++)
        {
            Assert.That(await ReadAllAsync(bytes[..split], bytes[split..]), Is.EqualTo(new[] { HelloRead, "request 2 m", "end" }), $"split at {split}");
        }
    }

    [Test]
    public Task Single_byte_chunks() =>
        Check([.. Frame(Hello).Select(b => new[] { b })], HelloRead, "end");

    [Test]
    public Task Several_messages_in_one_chunk() =>
        Check([[.. Request(1), .. Frame(Hello), .. Request(3)]], "request 1 m", HelloRead, "request 3 m", "end");

    [Test]
    public Task Header_names_are_case_insensitive() =>
        Check([Ascii($"cOnTeNt-LeNgTh: {Short1.Length}\r\n\r\n{Short1}")], "request 1 m", "end");

    [Test]
    public Task Content_type_and_unknown_headers_are_accepted_in_any_order() =>
        Check(
            [
                Ascii($"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: {Short1.Length}\r\nX-Extra: 1\r\n\r\n"),
                Ascii(Short1),
                Ascii($"Content-Length:{Short2.Length}   \r\ncontent-type: application/vscode-jsonrpc; charset=utf8\r\n\r\n"),
                Ascii(Short2),
            ],
            "request 1 m", "request 2 m", "end");

    [Test]
    public Task A_stray_line_before_the_header_is_ignored() =>
        Check([[.. Ascii("debug output\r\n"), .. Request(1)]], "request 1 m", "end");

    [Test]
    public Task Missing_content_length_is_reported_and_the_next_message_is_read() =>
        Check(
            [[.. Ascii("Content-Type: application/vscode-jsonrpc\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"lost\"}"), .. Request(2)]],
            "framing error: The header has no Content-Length.", "request 2 m", "end");

    [TestCase("abc")]
    [TestCase("-5")]
    [TestCase("12abc")]
    [TestCase("")]
    [TestCase("99999999999999999999999")]
    public Task Garbage_content_length_is_reported_and_the_next_message_is_read(string value) =>
        Check(
            [[.. Ascii($"Content-Length: {value}\r\n\r\n{{\"id\":1}}"), .. Request(2)]],
            $"framing error: Content-Length '{value}' is not a non-negative integer.", "request 2 m", "end");

    [Test]
    public Task Conflicting_content_lengths_are_a_framing_error() =>
        Check([[.. Ascii("Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}"), .. Request(2)]],
            "framing error: Conflicting Content-Length headers: 2 and 3.", "request 2 m", "end");

    [Test]
    public async Task Oversized_content_length_is_rejected_without_allocating_it()
    {
        byte[] bytes = [.. Ascii("Content-Length: 1073741824\r\n\r\n{\"huge\":\"body cut short\"}"), .. Request(2)];
        long before = GC.GetTotalAllocatedBytes(precise: true);

        string[] read = await ReadAllAsync(bytes);

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.That(read, Is.EqualTo(new[] { "framing error: Content-Length 1073741824 is over the limit of 268435456 bytes.", "request 2 m", "end" }));
        Assert.That(allocated, Is.LessThan(16 * 1024 * 1024));
    }

    [Test]
    public async Task Body_limit_is_configurable_and_the_skipped_body_is_resynchronized_past()
    {
        string big = $$$"""{"jsonrpc":"2.0","method":"n","params":{"text":"{{{new string('x', 100)}}}"}}""";
        string[] read = await ReadAllAsync([[.. Frame(big), .. Request(2)]], new MessageReaderOptions { MaxBodyBytes = 64 });
        Assert.That(read, Is.EqualTo(new[] { $"framing error: Content-Length {big.Length} is over the limit of 64 bytes.", "request 2 m", "end" }));
    }

    [Test]
    public async Task Overlong_header_is_reported_and_the_content_length_line_inside_it_is_found()
    {
        byte[] bytes = [.. Ascii($"X-Padding: {new string('p', 200)}\r\n"), .. Request(1)];
        string[] read = await ReadAllAsync([bytes], new MessageReaderOptions { MaxHeaderBytes = 100 });
        Assert.That(read, Is.EqualTo(new[] { "framing error: The header is longer than 100 bytes.", "request 1 m", "end" }));
    }

    [Test]
    public Task End_of_stream_inside_the_body() =>
        Check([Frame(Hello)[..^10]], $"unexpected end: The stream ended after {Encoding.UTF8.GetByteCount(Hello) - 10} of {Encoding.UTF8.GetByteCount(Hello)} body bytes.");

    [Test]
    public Task End_of_stream_inside_the_header() =>
        Check([Ascii("Content-Length: 12\r\n")], "unexpected end: The stream ended inside a message header.");

    [Test]
    public Task Empty_stream_is_a_clean_end() =>
        Check([], "end");
}
