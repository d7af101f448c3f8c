using Microsoft.Extensions.Logging;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Logging;

namespace PaperLsp.Server.Tests;

public class LogSinkTests
{
    [Test]
    public void Stderr_until_the_client_listens_then_window_logMessage_only()
    {
        var stderr = new StringWriter();
        using var provider = new LspLoggerProvider(stderr) { AlwaysStderr = false };
        var logger = provider.CreateLogger("PaperLsp.Server");
        logger.LogInformation("before");
        var sent = new List<LogMessageParams>();
        provider.Attach(p =>
        {
            sent.Add(p);
            return Task.CompletedTask;
        });
        logger.LogWarning("after");
        Assert.That(stderr.ToString(), Does.Contain("before").And.Not.Contain("after"), "editors show stderr too: one copy of each line");
        Assert.That(sent.Select(p => (p.Type, p.Message)), Is.EqualTo(new[] { (MessageType.Warning, "Server: after") }));
        provider.AlwaysStderr = true;
        logger.LogError("both");
        Assert.That(stderr.ToString(), Does.Contain("both"));
    }
}
