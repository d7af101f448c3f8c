using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class WorkspaceSymbolTests
{
    [Test]
    public async Task Searches_the_papers_of_every_open_document_best_first()
    {
        await using var client = await TestClient.StartAsync(Dialects.Capabilities);
        foreach (var name in Dialects.Names)
        {
            var (uri, fixture) = Dialects.Get(name);
            await client.OpenAsync(uri, Cursor.Parse(fixture).Text);
        }
        var symbols = (await client.RequestAsync("workspace/symbol", """{"query":"fold"}"""))!.AsArray();
        Assert.That(symbols.Select(s => (string)s!["location"]!["uri"]!), Is.EquivalentTo(Dialects.Names.Select(n => Dialects.Get(n).Uri)));
        Assert.That(symbols.Select(s => (string)s!["name"]!), Has.All.EqualTo(Dialects.Title));
        var md = symbols.Single(s => (string)s!["containerName"]! == "list.md")!;
        Assert.That(md["location"]!["range"]!.ToJsonString(), Is.EqualTo("""{"start":{"line":2,"character":3},"end":{"line":2,"character":19}}"""));
        Assert.That((int)md["kind"]!, Is.EqualTo(5));

        var graphs = (await client.RequestAsync("workspace/symbol", """{"query":"graphs"}"""))!.AsArray();
        Assert.That(graphs, Has.Count.EqualTo(4));
        var byId = (await client.RequestAsync("workspace/symbol", """{"query":"2502.04321"}"""))!.AsArray();
        Assert.That(byId.Select(s => (string)s!["containerName"]!), Is.EqualTo(new[] { "page.papers" }));
        Assert.That((await client.RequestAsync("workspace/symbol", """{"query":"nothing matches this"}"""))!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Results_are_capped()
    {
        await using var client = await TestClient.StartAsync("{}");
        await client.OpenAsync("file:///w/big.digest", Digests.Spaced(150_000));
        var symbols = (await client.RequestAsync("workspace/symbol", """{"query":"paper"}"""))!.AsArray();
        Assert.That(symbols, Has.Count.EqualTo(200));
    }

    [Test]
    public async Task Capabilities_are_advertised()
    {
        await using var client = new TestClient();
        var result = (await client.RequestAsync("initialize", """{"processId":null,"rootUri":null,"capabilities":{}}"""))!["capabilities"]!;
        Assert.That((bool)result["hoverProvider"]!, Is.True);
        Assert.That((bool)result["definitionProvider"]!, Is.True);
        Assert.That((bool)result["workspaceSymbolProvider"]!, Is.True);
        Assert.That(result["documentLinkProvider"]!.ToJsonString(), Is.EqualTo("{}"));
        Assert.That(result["codeLensProvider"]!.ToJsonString(), Is.EqualTo("{}"));
        Assert.That(result["executeCommandProvider"]!.ToJsonString(), Is.EqualTo("""{"commands":["paperlsp.openLinkedRepo","paperlsp.showCopies"]}"""));
    }
}
