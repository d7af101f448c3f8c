using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class LifecycleTests
{
    [Test]
    public async Task Requests_before_initialize_answer_ServerNotInitialized()
    {
        await using var client = new TestClient();
        Assert.That(await client.ErrorCodeAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}"""), Is.EqualTo(-32002));
        Assert.That(await client.ErrorCodeAsync("shutdown"), Is.EqualTo(-32002));
        var init = await client.RequestAsync("initialize", """{"processId":null,"rootUri":null,"capabilities":{}}""");
        Assert.That((string?)init!["serverInfo"]!["name"], Is.EqualTo("paperlsp"));
    }

    [Test]
    public async Task Unknown_requests_answer_MethodNotFound_and_unknown_notifications_are_ignored()
    {
        await using var client = await TestClient.StartAsync();
        await client.NotifyAsync("paperlsp/unheardOf", "{}");
        Assert.That(await client.ErrorCodeAsync("paperlsp/unheardOf", "{}"), Is.EqualTo(-32601));
        Assert.That(await client.ErrorCodeAsync("initialize", """{"processId":null,"capabilities":{}}"""), Is.EqualTo(-32600));
    }

    [Test]
    public async Task After_shutdown_requests_answer_InvalidRequest_and_exit_ends_with_0()
    {
        await using var client = await TestClient.StartAsync();
        Assert.That(await client.RequestAsync("shutdown"), Is.Null);
        Assert.That(await client.ErrorCodeAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}"""), Is.EqualTo(-32600));
        await client.NotifyAsync("exit", "{}");
        Assert.That(await client.ServerExit.WaitAsync(TestClient.Timeout), Is.EqualTo(0));
    }

    [Test]
    public async Task Exit_without_shutdown_ends_with_1()
    {
        await using var client = await TestClient.StartAsync();
        await client.NotifyAsync("exit", "{}");
        Assert.That(await client.ServerExit.WaitAsync(TestClient.Timeout), Is.EqualTo(1));
    }

    [Test]
    public async Task The_end_of_the_input_without_shutdown_ends_with_1()
    {
        var client = await TestClient.StartAsync();
        client.ClientEnd.CompleteWriting();
        Assert.That(await client.ServerExit.WaitAsync(TestClient.Timeout), Is.EqualTo(1));
        await client.DisposeAsync();
    }

    [TestCase("""["utf-8"]""", "utf-8")]
    [TestCase("""["utf-8","utf-16"]""", "utf-8")]
    [TestCase("""["utf-32"]""", "utf-16")]
    [TestCase("null", "utf-16")]
    public async Task Position_encoding_is_negotiated(string offered, string chosen)
    {
        await using var client = new TestClient();
        var init = await client.RequestAsync("initialize", """{"processId":null,"capabilities":{"general":{"positionEncodings":""" + offered + "}}}");
        Assert.That((string?)init!["capabilities"]!["positionEncoding"], Is.EqualTo(chosen));
    }
}

public class LoggingTests
{
    [Test]
    public async Task The_log_level_follows_settings_and_setTrace()
    {
        ServerSession? session = null;
        await using var client = await TestClient.StartAsync(configure: s => session = s);
        Assert.That(session!.Logging.MinimumLevel, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Information));
        await client.NotifyAsync("workspace/didChangeConfiguration", """{"settings":{"paperDigest":{"logLevel":"debug"}}}""");
        await client.NotifyAsync("workspace/didChangeConfiguration", """{"settings":{"paperDigest":{"logLevel":42}}}""");
        await client.RequestAsync("shutdown"); // in order: the notifications above have been handled
        Assert.That(session.Logging.MinimumLevel, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Debug));
    }

    [Test]
    public async Task SetTrace_verbose_logs_everything()
    {
        ServerSession? session = null;
        await using var client = await TestClient.StartAsync(configure: s => session = s);
        await client.NotifyAsync("$/setTrace", """{"value":"verbose"}""");
        await client.RequestAsync("shutdown");
        Assert.That(session!.Logging.MinimumLevel, Is.EqualTo(Microsoft.Extensions.Logging.LogLevel.Trace));
    }
}
