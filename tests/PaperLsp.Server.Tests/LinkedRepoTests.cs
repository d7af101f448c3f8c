using System.Text.Json.Nodes;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class LinkedRepoTests
{
    [TestCaseSource(typeof(Dialects), nameof(Dialects.Names))]
    public async Task A_lens_over_each_paper_with_a_repository(string dialect)
    {
        var (uri, fixture) = Dialects.Get(dialect);
        var c = Cursor.Parse(fixture);
        await using var client = await TestClient.StartAsync(Dialects.Capabilities);
        await client.OpenAsync(uri, c.Text);
        var lenses = (await client.RequestAsync("textDocument/codeLens", $$$"""{"textDocument":{"uri":"{{{uri}}}"}}"""))!.AsArray();
        var lens = lenses.Single()!;
        Assert.That((int)lens["range"]!["start"]!["line"]!, Is.EqualTo(c.Line));
        Assert.That(lens["command"]!.ToJsonString(), Is.EqualTo($$"""{"title":"Open repository","command":"paperlsp.openLinkedRepo","arguments":["{{Dialects.Repository}}"]}"""));
    }

    [Test]
    public async Task A_project_page_when_there_is_no_repository()
    {
        await using var client = await TestClient.StartAsync(Dialects.Capabilities);
        await client.OpenAsync("file:///w/a.digest", "A Paper With a Page\n\nWe propose a page. See https://lab.github.io/page and https://arxiv.org/abs/2406.11912.\n");
        var lens = (await client.RequestAsync("textDocument/codeLens", """{"textDocument":{"uri":"file:///w/a.digest"}}"""))!.AsArray().Single()!;
        Assert.That(lens["command"]!.ToJsonString(), Is.EqualTo("""{"title":"Open project page","command":"paperlsp.openLinkedRepo","arguments":["https://lab.github.io/page"]}"""));
    }

    [Test]
    public async Task The_command_asks_the_client_to_open_the_url_externally()
    {
        await using var client = await TestClient.StartAsync(Dialects.Capabilities);
        var ok = await client.RequestAsync("workspace/executeCommand", """{"command":"paperlsp.openLinkedRepo","arguments":["https://github.com/lab/fold"]}""");
        Assert.That((bool)ok!, Is.True);
        var shown = client.ServerRequests.Single();
        Assert.That(shown.Method, Is.EqualTo("window/showDocument"));
        Assert.That(shown.Params!.Value.GetRawText(), Is.EqualTo("""{"uri":"https://github.com/lab/fold","external":true}"""));
    }

    [TestCaseSource(typeof(Dialects), nameof(Dialects.Names))]
    public async Task With_a_document_and_position_it_opens_that_papers_primary_link(string dialect)
    {
        var (uri, fixture) = Dialects.Get(dialect);
        var c = Cursor.Parse(fixture);
        await using var client = await TestClient.StartAsync(Dialects.Capabilities);
        await client.OpenAsync(uri, c.Text);
        var ok = await client.RequestAsync("workspace/executeCommand", $$"""{"command":"paperlsp.openLinkedRepo","arguments":["{{uri}}",{{c.Position}}]}""");
        Assert.That((bool)ok!, Is.True);
        Assert.That(client.ServerRequests.Single().Params!.Value.GetProperty("uri").GetString(), Is.EqualTo(Dialects.Repository));
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("command:workbench.action.terminal.new")]
    [TestCase("file:///etc/passwd")]
    public async Task Non_http_urls_are_never_opened(string url)
    {
        await using var client = await TestClient.StartAsync(Dialects.Capabilities);
        var ok = await client.RequestAsync("workspace/executeCommand", $$"""{"command":"paperlsp.openLinkedRepo","arguments":["{{url}}"]}""");
        Assert.That((bool)ok!, Is.False);
        Assert.That(client.ServerRequests, Is.Empty);
    }

    [Test]
    public async Task False_when_the_client_refuses_or_cannot_and_an_error_for_bad_arguments()
    {
        await using (var client = await TestClient.StartAsync(Dialects.Capabilities))
        {
            client.ShowDocumentSucceeds = false;
            Assert.That((bool)(await client.RequestAsync("workspace/executeCommand", """{"command":"paperlsp.openLinkedRepo","arguments":["https://github.com/o/r"]}"""))!, Is.False);
            Assert.That(await client.ErrorCodeAsync("workspace/executeCommand", """{"command":"paperlsp.other","arguments":[]}"""), Is.EqualTo(-32602));
            Assert.That(await client.ErrorCodeAsync("workspace/executeCommand", """{"command":"paperlsp.openLinkedRepo","arguments":[42]}"""), Is.EqualTo(-32602));
        }
        await using (var client = await TestClient.StartAsync("{}"))
        {
            Assert.That((bool)(await client.RequestAsync("workspace/executeCommand", """{"command":"paperlsp.openLinkedRepo","arguments":["https://github.com/o/r"]}"""))!, Is.False);
            Assert.That(client.ServerRequests, Is.Empty);
        }
    }
}
