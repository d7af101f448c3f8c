using System.Text.Json.Nodes;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class DefinitionTests
{
    private static string Params(string uri, Cursor c) => $$"""{"textDocument":{"uri":"{{uri}}"},"position":{{c.Position}}}""";

    private const string Top = """{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}""";

    [TestCaseSource(typeof(Dialects), nameof(Dialects.Names))]
    public async Task A_title_goes_to_its_repository_in_every_dialect(string dialect)
    {
        var (uri, fixture) = Dialects.Get(dialect);
        var c = Cursor.Parse(fixture);
        await using var client = await TestClient.StartAsync("{}");
        await client.OpenAsync(uri, c.Text);
        var result = (await client.RequestAsync("textDocument/definition", Params(uri, c)))!.AsArray();
        Assert.That(result.Select(l => l!.ToJsonString()), Is.EqualTo(new[] { $$"""{"uri":"{{Dialects.Repository}}","range":{{Top}}}""" }));
    }

    [Test]
    public async Task Location_links_carry_the_title_as_origin()
    {
        var (uri, fixture) = Dialects.Get("spaced");
        var c = Cursor.Parse(fixture);
        await using var client = await TestClient.StartAsync(Dialects.Capabilities);
        await client.OpenAsync(uri, c.Text);
        var link = (await client.RequestAsync("textDocument/definition", Params(uri, c)))!.AsArray().Single()!;
        Assert.That((string?)link["targetUri"], Is.EqualTo(Dialects.Repository));
        Assert.That(link["targetRange"]!.ToJsonString(), Is.EqualTo(Top));
        Assert.That(link["originSelectionRange"]!.ToJsonString(), Is.EqualTo("""{"start":{"line":4,"character":0},"end":{"line":4,"character":16}}"""));
    }

    [Test]
    public async Task A_duplicate_goes_to_the_first_copy_and_a_url_to_its_cleaned_target()
    {
        const string first = "Shared Paper: Copied Everywhere\n\nWe introduce a shared method that works.\n";
        var copy = Cursor.Parse("Other Paper Title Here\n\nAn abstract that is long enough, https://arxiv.org/abs/2406.11912v2.\n\nShared $0Paper: Copied Everywhere\n\nWe introduce a shared method that works.\n");
        await using var client = await TestClient.StartAsync("{}");
        await client.OpenAsync("file:///w/a.digest", first);
        await client.OpenAsync("file:///w/b.digest", copy.Text);
        var result = (await client.RequestAsync("textDocument/definition", Params("file:///w/b.digest", copy)))!.AsArray();
        Assert.That(result.Select(l => l!.ToJsonString()), Is.EqualTo(new[]
        {
            """{"uri":"file:///w/a.digest","range":{"start":{"line":0,"character":0},"end":{"line":0,"character":31}}}""",
        }));

        var onUrl = new Cursor(copy.Text, 2, 45);
        var url = (await client.RequestAsync("textDocument/definition", Params("file:///w/b.digest", onUrl)))!.AsArray();
        Assert.That((string?)url.Single()!["uri"], Is.EqualTo("https://arxiv.org/abs/2406.11912v2"));

        var nothing = await client.RequestAsync("textDocument/definition", Params("file:///w/a.digest", new Cursor(first, 0, 3)));
        Assert.That(nothing, Is.Null, "the first copy, without a link, goes nowhere");
    }
}
