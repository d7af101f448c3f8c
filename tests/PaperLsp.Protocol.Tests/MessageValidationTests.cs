using PaperLsp.Protocol.JsonRpc;
using static PaperLsp.Protocol.Tests.Support.Frames;

namespace PaperLsp.Protocol.Tests;

/// <summary>What a well-framed body turns into: a message, or the error JSON-RPC says to answer with.</summary>
public class MessageValidationTests
{
    private static async Task Check(byte[] body, string expected) =>
        Assert.That(await ReadAllAsync(Frame(body)), Is.EqualTo(new[] { expected, "end" }));

    [TestCase("""{"jsonrpc":"2.0","id":1,"method":"m","params":{"a":[1]}}""", """request 1 m {"a":[1]}""")]
    [TestCase("""{"jsonrpc":"2.0","id":"1","method":"m","params":[]}""", """request "1" m []""")]
    [TestCase("""{"id":-3,"method":"m","params":null,"jsonrpc":"2.0"}""", "request -3 m")]
    [TestCase("""{"jsonrpc":"2.0","method":"exit"}""", "notification exit")]
    [TestCase("""{"jsonrpc":"2.0","id":4,"result":null}""", "response 4 result null")]
    [TestCase("""{"jsonrpc":"2.0","id":"x","result":{"ok":true}}""", """response "x" result {"ok":true}""")]
    [TestCase("""{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}}""", "response null error -32700")]
    [TestCase("""{"jsonrpc":"2.0","id":5,"error":{"code":-32601,"message":"no","data":{"x":1}}}""", "response 5 error -32601")]
    [TestCase("""{"method":"m","id":2}""", "request 2 m")] // "jsonrpc" missing: accepted, as other servers do
    public Task Valid(string json, string expected) => Check(Ascii(json), expected);

    [TestCase("""{"jsonrpc":"2.0","id":1,"method":""", "invalid -32700 reply-id null")]
    [TestCase("""{"jsonrpc":"2.0","id":1,"method":"m"} trailing""", "invalid -32700 reply-id null")]
    [TestCase("", "invalid -32700 reply-id null")]
    [TestCase("""{'single':'quotes'}""", "invalid -32700 reply-id null")]
    public Task Parse_errors(string json, string expected) => Check(Ascii(json), expected);

    [Test]
    public Task Invalid_utf8_is_a_parse_error() =>
        Check([.. Ascii("""{"jsonrpc":"2.0","method":"m","params":{"t":" """), 0xC3, 0x28, .. Ascii("\"}}")], "invalid -32700 reply-id null");

    [Test]
    public Task Deep_nesting_is_a_parse_error_not_a_crash() =>
        Check(Ascii(new string('[', 10_000) + new string(']', 10_000)), "invalid -32700 reply-id null");

    // LSP has no batches: one InvalidRequest with id null for the whole array, never one answer per element.
    [TestCase("""[{"jsonrpc":"2.0","id":1,"method":"m"},{"jsonrpc":"2.0","id":2,"method":"m"}]""", "invalid -32600 reply-id null")]
    [TestCase("[]", "invalid -32600 reply-id null")]
    [TestCase("42", "invalid -32600 reply-id null")]
    [TestCase("""{"jsonrpc":"2.0"}""", "invalid -32600 reply-id null")]
    [TestCase("""{"jsonrpc":"2.0","method":5}""", "invalid -32600 reply-id null")]
    [TestCase("""{"jsonrpc":"2.0","id":7,"method":"m","params":5}""", "invalid -32600 reply-id 7")]
    [TestCase("""{"jsonrpc":"1.0","id":"a","method":"m"}""", "invalid -32600 reply-id \"a\"")]
    [TestCase("""{"jsonrpc":"2.0","id":1.5,"method":"m"}""", "invalid -32600 reply-id null")]
    [TestCase("""{"jsonrpc":"2.0","id":null,"method":"m"}""", "invalid -32600 reply-id null")]
    [TestCase("""{"jsonrpc":"2.0","id":{},"method":"m"}""", "invalid -32600 reply-id null")]
    // A malformed response is answered with id null: echoing its id would look like an answer to the peer's own request.
    [TestCase("""{"jsonrpc":"2.0","id":3}""", "invalid -32600 reply-id null")]
    [TestCase("""{"jsonrpc":"2.0","id":3,"result":1,"error":{"code":1,"message":"m"}}""", "invalid -32600 reply-id null")]
    [TestCase("""{"jsonrpc":"2.0","id":3,"error":{"code":"x","message":"m"}}""", "invalid -32600 reply-id null")]
    [TestCase("""{"jsonrpc":"2.0","id":null,"result":1}""", "invalid -32600 reply-id null")]
    public Task Invalid_requests(string json, string expected) => Check(Ascii(json), expected);
}
