using PaperLsp.Core.Syntax;
using PaperLsp.Server.Documents;

namespace PaperLsp.Server.Tests;

public class FirstUseWarmupTests
{
    [Test]
    public void Its_made_up_digest_takes_every_duplicate_path()
    {
        var diagnostics = FirstUseWarmup.Run();
        Assert.Multiple(() =>
        {
            Assert.That(DigestParser.Parse(FirstUseWarmup.Digest()).Papers, Has.Count.EqualTo(12));
            Assert.That(diagnostics.Select(d => d.Code), Does.Contain("PD001"), "an exact copy");
            Assert.That(diagnostics.Select(d => d.Code), Does.Contain("PD002"), "a near copy");
        });
    }

    [Test]
    public async Task A_session_never_sees_its_documents()
    {
        // The warm-up runs in the same process as a session, on its own documents, while the session reads its own.
        await using var client = await Support.TestClient.StartAsync("""{"textDocument":{"diagnostic":{"dynamicRegistration":false}}}""");
        FirstUseWarmup.Run();
        await client.OpenAsync("file:///a.digest", "Scaling graph search with learned priors and fewer labels, study 0\n\nThe warm-up's first title, here alone.\n");
        var report = await client.RequestAsync("workspace/diagnostic", """{"previousResultIds":[]}""");
        var items = report!["items"]!.AsArray();
        Assert.That(items.Select(i => (string)i!["uri"]!), Is.EqualTo(new[] { "file:///a.digest" }));
        Assert.That(items[0]!["items"]!.AsArray().Select(d => (string?)d!["code"]), Has.None.EqualTo("PD001").And.None.EqualTo("PD002"));
    }
}
