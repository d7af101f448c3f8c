using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class DocumentSymbolTests
{
    private const string Digest = """
        Sep 10

        Alpha: 𝔸 First Paper

        We propose a method that does one thing well. It improves accuracy on two benchmarks. See arXiv:2406.11912.

        Beta: Second Paper

        This paper studies another question in depth. We find that the answer depends on scale.
        > #toread
        """;

    [Test]
    public async Task Hierarchical_symbols_put_papers_under_their_section()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///a.digest", Digest);
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}"""))!.AsArray();
        Assert.That(symbols, Has.Count.EqualTo(1));
        Assert.That((string?)symbols[0]!["name"], Is.EqualTo("Sep 10"));
        var papers = symbols[0]!["children"]!.AsArray();
        Assert.That(papers.Select(p => (string)p!["name"]!), Is.EqualTo(new[] { "Alpha: 𝔸 First Paper", "Beta: Second Paper" }));
        Assert.That((string?)papers[0]!["detail"], Is.EqualTo("arXiv:2406.11912"));
        Assert.That((string?)papers[1]!["detail"], Is.EqualTo("#toread"));
        // UTF-16: 𝔸 is two code units.
        Assert.That(papers[0]!["selectionRange"]!.ToJsonString(), Is.EqualTo("""{"start":{"line":2,"character":0},"end":{"line":2,"character":21}}"""));
    }

    [Test]
    public async Task Clients_without_hierarchy_get_flat_symbols_with_containers()
    {
        await using var client = await TestClient.StartAsync("{}");
        await client.OpenAsync("file:///a.digest", Digest);
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}"""))!.AsArray();
        Assert.That(symbols.Select(s => (string)s!["name"]!), Is.EqualTo(new[] { "Sep 10", "Alpha: 𝔸 First Paper", "Beta: Second Paper" }));
        Assert.That((string?)symbols[1]!["containerName"], Is.EqualTo("Sep 10"));
        Assert.That((string?)symbols[1]!["location"]!["uri"], Is.EqualTo("file:///a.digest"));
    }

    [Test]
    public async Task Utf8_clients_get_byte_columns()
    {
        await using var client = await TestClient.StartAsync("""{"general":{"positionEncodings":["utf-8"]},"textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}""");
        await client.OpenAsync("file:///a.digest", Digest);
        var symbols = (await client.RequestAsync("textDocument/documentSymbol", """{"textDocument":{"uri":"file:///a.digest"}}"""))!.AsArray();
        // "Alpha: " is 7 bytes, 𝔸 is 4, " First Paper" is 12.
        Assert.That(symbols[0]!["children"]![0]!["selectionRange"]!["end"]!.ToJsonString(), Is.EqualTo("""{"line":2,"character":23}"""));
    }
}
