using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class PullDiagnosticsTests
{
    private const string PullCapabilities = """{"textDocument":{"diagnostic":{"dynamicRegistration":false}}}""";
    private const string Text = "Alpha: First\nWe propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.\nOrphan\n";

    [Test]
    public async Task Pulling_clients_get_a_full_report_then_unchanged()
    {
        await using var client = new TestClient();
        var init = await client.RequestAsync("initialize", $$"""{"processId":null,"capabilities":{{PullCapabilities}}}""");
        Assert.That((bool?)init!["capabilities"]!["diagnosticProvider"]!["interFileDependencies"], Is.True);
        await client.NotifyAsync("initialized", "{}");
        await client.OpenAsync("file:///a.digest", Text);

        var full = await client.RequestAsync("textDocument/diagnostic", """{"textDocument":{"uri":"file:///a.digest"}}""");
        Assert.That((string?)full!["kind"], Is.EqualTo("full"));
        Assert.That((string?)full["items"]![0]!["code"], Is.EqualTo("PD004"));
        string resultId = (string)full["resultId"]!;

        var again = await client.RequestAsync("textDocument/diagnostic", $$"""{"textDocument":{"uri":"file:///a.digest"},"previousResultId":"{{resultId}}"}""");
        Assert.That((string?)again!["kind"], Is.EqualTo("unchanged"));
        Assert.That((string?)again["resultId"], Is.EqualTo(resultId));
    }

    [Test]
    public async Task Workspace_diagnostics_cover_every_open_document()
    {
        await using var client = await TestClient.StartAsync(PullCapabilities);
        await client.OpenAsync("file:///a.digest", Text);
        await client.OpenAsync("file:///b.digest", Text, version: 3);
        var report = await client.RequestAsync("workspace/diagnostic", """{"previousResultIds":[]}""");
        var items = report!["items"]!.AsArray();
        Assert.That(items.Select(i => (string)i!["uri"]!), Is.EqualTo(new[] { "file:///a.digest", "file:///b.digest" }));
        Assert.That((int?)items[1]!["version"], Is.EqualTo(3));
        Assert.That(items[0]!["items"]!.AsArray().Select(d => (string)d!["code"]!), Is.EquivalentTo(new[] { "PD001", "PD001", "PD004" }));
    }
}
