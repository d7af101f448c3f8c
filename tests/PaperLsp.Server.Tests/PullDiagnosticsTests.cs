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
    [NonParallelizable]
    public async Task A_slow_report_is_logged_with_where_its_time_went()
    {
        double threshold = Handlers.DocumentDiagnosticHandler.SlowReportMs;
        Handlers.DocumentDiagnosticHandler.SlowReportMs = 0; // every report counts as slow here
        try
        {
            await using var client = await TestClient.StartAsync(PullCapabilities);
            await client.OpenAsync("file:///a.digest", Text);
            await client.RequestAsync("textDocument/diagnostic", """{"textDocument":{"uri":"file:///a.digest"}}""");
            var log = await client.NotificationAsync("window/logMessage", n => ((string?)n["message"])?.Contains("Diagnostics of file:///a.digest", StringComparison.Ordinal) == true);
            Assert.That((string?)log["message"], Does.Match(@"took \d+ ms: parse \d+, duplicates \d+, map \d+, serialise \d+; of which compiling \d+ \(any thread\) and collecting \d+ \(2 papers, 1 diagnostic\)"));
        }
        finally
        {
            Handlers.DocumentDiagnosticHandler.SlowReportMs = threshold;
        }
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

    [Test]
    public async Task Workspace_diagnostics_wait_for_a_change_when_the_client_is_up_to_date()
    {
        await using var client = await TestClient.StartAsync(PullCapabilities);
        await client.OpenAsync("file:///a.digest", Text);
        var first = (await client.RequestAsync("workspace/diagnostic", """{"previousResultIds":[]}"""))!["items"]!.AsArray();
        string id = (string)first[0]!["resultId"]!;
        var held = client.RequestAsync("workspace/diagnostic", $$"""{"previousResultIds":[{"uri":"file:///a.digest","value":"{{id}}"}]}""");
        await Task.Delay(300);
        Assert.That(held.IsCompleted, Is.False, "nothing changed: the request is held open, not answered at once");
        await client.ChangeAsync("file:///a.digest", 2, 2, 0, 2, 6, "Second: Title");
        var items = (await held)!["items"]!.AsArray();
        Assert.That((string?)items[0]!["kind"], Is.EqualTo("full"));
        Assert.That((int?)items[0]!["version"], Is.EqualTo(2));
    }

    [Test]
    public async Task A_copy_opened_elsewhere_asks_the_client_to_pull_again()
    {
        await using var client = await TestClient.StartAsync("""{"textDocument":{"diagnostic":{}},"workspace":{"diagnostics":{"refreshSupport":true}}}""");
        await client.OpenAsync("file:///a.digest", Text);
        var a = await client.RequestAsync("textDocument/diagnostic", """{"textDocument":{"uri":"file:///a.digest"}}""");
        Assert.That(a!["items"]!.AsArray().Select(d => (string)d!["code"]!), Has.None.EqualTo("PD001"));
        Assert.That(client.ServerRequests.Any(r => r.Method == "workspace/diagnostic/refresh"), Is.False);
        await client.OpenAsync("file:///b.digest", Text); // the same papers: a.digest now has duplicates it was not told of
        var deadline = DateTime.UtcNow + TestClient.Timeout;
        while (!client.ServerRequests.Any(r => r.Method == "workspace/diagnostic/refresh") && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.That(client.ServerRequests.Count(r => r.Method == "workspace/diagnostic/refresh"), Is.EqualTo(1));
        var again = await client.RequestAsync("textDocument/diagnostic", """{"textDocument":{"uri":"file:///a.digest"}}""");
        Assert.That(again!["items"]!.AsArray().Select(d => (string)d!["code"]!), Has.Some.EqualTo("PD001"));
    }

    [Test]
    public async Task A_report_kept_for_a_version_is_made_again_when_the_settings_change()
    {
        await using var client = await TestClient.StartAsync(PullCapabilities);
        await client.OpenAsync("file:///a.digest", Text);
        var first = await client.RequestAsync("textDocument/diagnostic", """{"textDocument":{"uri":"file:///a.digest"}}""");
        Assert.That(first!["items"]!.AsArray().Select(d => (string)d!["code"]!), Has.Some.EqualTo("PD004"));
        await client.NotifyAsync("workspace/didChangeConfiguration", """{"settings":{"paperDigest":{"diagnostics":{"severity":{"PD004":"off"}}}}}""");
        var deadline = DateTime.UtcNow + TestClient.Timeout;
        while (true)
        {
            var now = await client.RequestAsync("textDocument/diagnostic", $$"""{"textDocument":{"uri":"file:///a.digest"},"previousResultId":"{{(string)first["resultId"]!}}"}""");
            if ((string?)now!["kind"] == "full" && now["items"]!.AsArray().All(d => (string)d!["code"]! != "PD004")) break;
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the version's kept report outlived a settings change");
            await Task.Delay(20);
        }
    }
}
