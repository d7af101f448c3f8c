using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class CodeActionTests
{
    private const string A = "We propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.";
    private const string B = "This paper studies another question in depth. We find that the answer depends on scale in a simple way.";
    private const string Lazy = """{"textDocument":{"codeAction":{"dataSupport":true,"resolveSupport":{"properties":["edit"]},"codeActionLiteralSupport":{"codeActionKind":{"valueSet":["quickfix","source"]}}}}}""";
    private const string Glued = $"Get trending papers in your email inbox!\nSubscribeAlpha: A First Paper\n{A}\nBeta: A Second Paper\n{B}\n";

    private static string Request(string uri, JsonNode range, JsonArray diagnostics, string? only = null) =>
        new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri },
            ["range"] = range.DeepClone(),
            ["context"] = only is null
                ? new JsonObject { ["diagnostics"] = diagnostics.DeepClone() }
                : new JsonObject { ["diagnostics"] = diagnostics.DeepClone(), ["only"] = new JsonArray(only) },
        }.ToJsonString();

    private static JsonNode Single(JsonNode actions, string titleStart) =>
        actions.AsArray().Single(a => ((string)a!["title"]!).StartsWith(titleStart, StringComparison.Ordinal))!;

    [Test]
    public async Task The_glued_boilerplate_fix_names_the_clients_diagnostic_and_inserts_one_line_break()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///w/c.txt", Glued);
        var published = await client.DiagnosticsAsync("file:///w/c.txt", p => p["diagnostics"]!.AsArray().Count > 0);
        var pd003 = published["diagnostics"]!.AsArray().Single(d => (string)d!["code"]! == "PD003")!;

        var actions = await client.RequestAsync("textDocument/codeAction", Request("file:///w/c.txt", pd003["range"]!, new JsonArray(pd003.DeepClone())));
        var split = Single(actions!, "Split \"Subscribe\"");
        Assert.That((string?)split["kind"], Is.EqualTo("quickfix"));
        Assert.That((bool?)split["isPreferred"], Is.True);
        Assert.That(JsonNode.DeepEquals(split["diagnostics"]![0], pd003), "the action names the diagnostic it fixes");
        var edits = split["edit"]!["changes"]!["file:///w/c.txt"]!.AsArray();
        Assert.That(edits.ToJsonString(), Is.EqualTo("""[{"range":{"start":{"line":1,"character":9},"end":{"line":1,"character":9}},"newText":"\n"}]"""));
        Assert.That(TextEdits.Apply(Glued, edits), Does.StartWith("Get trending papers in your email inbox!\nSubscribe\nAlpha: A First Paper\n"));
    }

    [Test]
    public async Task A_lazy_client_gets_titles_first_and_the_edit_on_resolve()
    {
        await using var client = await TestClient.StartAsync(Lazy);
        await client.OpenAsync("file:///w/c.txt", Glued, version: 4);
        var range = TestClient.Range(1, 0, 1, 0);
        var actions = (await client.RequestAsync("textDocument/codeAction", Request("file:///w/c.txt", range, [])))!.AsArray();
        Assert.That(actions.All(a => a!["edit"] is null && a["data"] is not null), "no edit is computed for the list");
        var split = Single(actions, "Split \"Subscribe\"");

        var resolved = await client.RequestAsync("codeAction/resolve", split.ToJsonString());
        Assert.That((string?)resolved!["title"], Is.EqualTo((string?)split["title"]));
        var edits = resolved["edit"]!["changes"]!["file:///w/c.txt"]!.AsArray();
        Assert.That(TextEdits.Apply(Glued, edits), Does.Contain("Subscribe\nAlpha: A First Paper"));

        await client.ChangeAsync("file:///w/c.txt", 5, 0, 0, 0, 0, "x");
        Assert.That(await client.ErrorCodeAsync("codeAction/resolve", split.ToJsonString()), Is.EqualTo(-32801), "stale: ContentModified");
        Assert.That(await client.ErrorCodeAsync("codeAction/resolve", """{"title":"not ours"}"""), Is.EqualTo(-32602));
    }

    [Test]
    public async Task Fix_all_safe_problems_is_a_source_action_asked_for_by_kind()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///w/c.txt", Glued);
        var range = TestClient.Range(0, 0, 0, 0);
        var source = (await client.RequestAsync("textDocument/codeAction", Request("file:///w/c.txt", range, [], "source.fixAll")))!.AsArray();
        var all = source.Single()!;
        Assert.That((string?)all["kind"], Is.EqualTo("source.fixAll.paperlsp"));
        Assert.That(TextEdits.Apply(Glued, all["edit"]!["changes"]!["file:///w/c.txt"]!.AsArray()),
            Is.EqualTo($"Get trending papers in your email inbox!\nSubscribe\n\nAlpha: A First Paper\n\n{A}\n\nBeta: A Second Paper\n\n{B}\n"));

        var quick = (await client.RequestAsync("textDocument/codeAction", Request("file:///w/c.txt", range, [], "quickfix")))!.AsArray();
        Assert.That(quick.Select(a => (string)a!["kind"]!), Has.All.EqualTo("quickfix"));
        var unasked = (await client.RequestAsync("textDocument/codeAction", Request("file:///w/c.txt", range, [])))!.AsArray();
        Assert.That(unasked.Select(a => (string)a!["kind"]!), Has.None.EqualTo("source.fixAll.paperlsp"), "source actions only when asked for");
    }

    [Test]
    public async Task Removing_a_copy_of_a_paper_that_another_open_digest_has()
    {
        await using var client = await TestClient.StartAsync();
        string other = $"Alpha: A First Paper\n\n{A}\n";
        string text = $"Beta: A Second Paper\n\n{B}\n\nAlpha: A First Paper\n\n{A}\n> #toread\n";
        await client.OpenAsync("file:///w/a.digest", other);
        await client.OpenAsync("file:///w/b.digest", text);
        var published = await client.DiagnosticsAsync("file:///w/b.digest", p => p["diagnostics"]!.AsArray().Any(d => (string)d!["code"]! == "PD001"));
        var pd001 = published["diagnostics"]!.AsArray().Single(d => (string)d!["code"]! == "PD001")!;
        var actions = await client.RequestAsync("textDocument/codeAction", Request("file:///w/b.digest", pd001["range"]!, new JsonArray(pd001.DeepClone())));

        var remove = Single(actions!, "Remove this copy");
        Assert.That(TextEdits.Apply(text, remove["edit"]!["changes"]!["file:///w/b.digest"]!.AsArray()), Is.EqualTo($"Beta: A Second Paper\n\n{B}\n"));
        var keep = Single(actions!, "Keep this duplicate");
        Assert.That(TextEdits.Apply(text, keep["edit"]!["changes"]!["file:///w/b.digest"]!.AsArray()),
            Is.EqualTo($"Beta: A Second Paper\n\n{B}\n\n<!-- paperlsp: allow-duplicate -->\nAlpha: A First Paper\n\n{A}\n> #toread\n"));
        Assert.That(Single(actions!, "Mark \"Alpha: A First Paper\" as #read")["edit"], Is.Not.Null);
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Edit_ranges_count_in_the_negotiated_encoding_around_astral_characters(bool utf8)
    {
        await using var client = await TestClient.StartAsync(utf8 ? """{"general":{"positionEncodings":["utf-8"]}}""" : "{}");
        string line = "We study 📜 and 𝔸 in depth. See https://github.com/o/a\\_b for the code of this work, which is open.";
        string text = $"Alpha: A First Paper 🚀\n\n{line}\n";
        await client.OpenAsync("file:///w/u.digest", text);
        var published = await client.DiagnosticsAsync("file:///w/u.digest", p => p["diagnostics"]!.AsArray().Any(d => (string)d!["code"]! == "PD006"));
        var pd006 = published["diagnostics"]!.AsArray().Single(d => (string)d!["code"]! == "PD006")!;
        var actions = await client.RequestAsync("textDocument/codeAction", Request("file:///w/u.digest", pd006["range"]!, new JsonArray(pd006.DeepClone())));
        var repair = Single(actions!, "Repair the URL");
        var edits = repair["edit"]!["changes"]!["file:///w/u.digest"]!.AsArray();
        string before = line[..line.IndexOf('\\', StringComparison.Ordinal)];
        int expected = utf8 ? Encoding.UTF8.GetByteCount(before) : before.Length;
        Assert.That((int)edits[0]!["range"]!["start"]!["character"]!, Is.EqualTo(expected));
        Assert.That(TextEdits.Apply(text, edits, utf8), Is.EqualTo(text.Replace("a\\_b", "a_b", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_crlf_digest_gets_crlf_line_breaks()
    {
        await using var client = await TestClient.StartAsync();
        string text = Glued.Replace("\n", "\r\n", StringComparison.Ordinal);
        await client.OpenAsync("file:///w/c.txt", text);
        var actions = (await client.RequestAsync("textDocument/codeAction", Request("file:///w/c.txt", TestClient.Range(1, 0, 1, 0), [], "source")))!.AsArray();
        string fixedText = TextEdits.Apply(text, actions.Single()!["edit"]!["changes"]!["file:///w/c.txt"]!.AsArray());
        Assert.That(fixedText.Replace("\r\n", "", StringComparison.Ordinal), Does.Not.Contain("\n"));
        Assert.That(fixedText, Does.Contain("Subscribe\r\n\r\nAlpha"));
    }

    [Test]
    public async Task The_capabilities_announce_quick_fixes_fix_all_resolve_and_formatting()
    {
        await using var client = new TestClient();
        var init = await client.RequestAsync("initialize", """{"processId":null,"capabilities":{}}""");
        var caps = init!["capabilities"]!;
        Assert.That(caps["codeActionProvider"]!.ToJsonString(), Is.EqualTo("""{"codeActionKinds":["quickfix","source.fixAll.paperlsp"],"resolveProvider":true}"""));
        Assert.That((bool?)caps["documentFormattingProvider"], Is.True);
        Assert.That((bool?)caps["documentRangeFormattingProvider"], Is.True);
    }
}
