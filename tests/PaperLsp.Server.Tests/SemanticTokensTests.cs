using System.Text.Json.Nodes;
using PaperLsp.Core.Tests.Support;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class SemanticTokensTests
{
    private const string Utf8 = """{"general":{"positionEncodings":["utf-8"]}}""";

    /// <summary>The tokens of a response, decoded from relative integers to (line, character, length, type[.modifiers]).</summary>
    private static List<(int Line, int Char, int Length, string Type)> Decode(JsonNode result, JsonNode legend)
    {
        var types = legend["tokenTypes"]!.AsArray().Select(t => (string)t!).ToArray();
        var modifiers = legend["tokenModifiers"]!.AsArray().Select(t => (string)t!).ToArray();
        var data = result["data"]!.AsArray().Select(n => (int)n!).ToArray();
        Assert.That(data.Length % 5, Is.Zero);
        var tokens = new List<(int, int, int, string)>();
        int line = 0, ch = 0;
        for (int i = 0; i < data.Length; i += 5)
        {
            line += data[i];
            ch = data[i] == 0 ? ch + data[i + 1] : data[i + 1];
            string type = types[data[i + 3]] + string.Concat(modifiers.Where((_, bit) => (data[i + 4] & (1 << bit)) != 0).Select(m => "." + m));
            tokens.Add((line, ch, data[i + 2], type));
        }
        return tokens;
    }

    private static async Task<List<(int Line, int Char, int Length, string Type)>> TokensAsync(string uri, string text, string capabilities = "{}", JsonObject? range = null)
    {
        await using var client = new TestClient();
        var init = await client.RequestAsync("initialize", $$"""{"processId":null,"capabilities":{{capabilities}}}""");
        await client.NotifyAsync("initialized", "{}");
        await client.OpenAsync(uri, text);
        var p = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } };
        if (range is not null) p["range"] = range;
        var result = await client.RequestAsync(range is null ? "textDocument/semanticTokens/full" : "textDocument/semanticTokens/range", p.ToJsonString());
        return Decode(result!, init!["capabilities"]!["semanticTokensProvider"]!["legend"]!);
    }

    [Test]
    public async Task Initialize_advertises_the_legend_full_and_range_and_the_other_providers()
    {
        await using var client = new TestClient();
        var caps = (await client.RequestAsync("initialize", """{"processId":null,"capabilities":{}}"""))!["capabilities"]!;
        Assert.That(caps["semanticTokensProvider"]!.ToJsonString(), Is.EqualTo("""
            {"legend":{"tokenTypes":["class","type","namespace","string","variable","macro","number","comment","decorator"],"tokenModifiers":["readonly","deprecated"]},"range":true,"full":true}
            """));
        Assert.That((bool?)caps["foldingRangeProvider"], Is.True);
        Assert.That((bool?)caps["selectionRangeProvider"], Is.True);
        Assert.That((bool?)caps["documentHighlightProvider"], Is.True);
    }

    private const string Spaced = """
        Get trending papers in your email inbox!

        Sep 10

        zkDL: 𝔸 Proofs for $\mathcal{O}(n)$ Nets

        We are 5.2x faster at 98.2% accuracy. See arXiv:2406.11912 and https://github.com/zk/dl.
        > #toread
        """;

    [Test]
    public async Task Spaced_tokens_in_utf16()
    {
        Assert.That(await TokensAsync("file:///a.digest", Spaced), Is.EqualTo(new[]
        {
            (0, 0, 40, "comment.deprecated"),
            (2, 0, 6, "namespace"),
            (4, 0, 5, "type"),
            (4, 6, 14, "class"), // "𝔸 Proofs for " is 13 characters, 14 UTF-16 code units
            (4, 20, 16, "macro"),
            (4, 36, 5, "class"),
            (6, 7, 4, "number"),
            (6, 22, 5, "number"),
            (6, 48, 10, "variable.readonly"),
            (6, 63, 24, "string"),
            (7, 0, 2, "comment"),
            (7, 2, 7, "decorator"),
        }));
    }

    [Test]
    public async Task Utf8_clients_get_byte_columns_and_lengths_after_an_astral_character()
    {
        var tokens = await TokensAsync("file:///a.digest", Spaced, Utf8);
        // 𝔸 is 4 bytes (2 UTF-16 units): the title part grows by 2, the tokens after it on the line move by 2.
        Assert.That(tokens.Where(t => t.Line == 4), Is.EqualTo(new[] { (4, 0, 5, "type"), (4, 6, 16, "class"), (4, 22, 16, "macro"), (4, 38, 5, "class") }));
        Assert.That(tokens.Where(t => t.Line == 6).Select(t => t.Char), Is.EqualTo(new[] { 7, 22, 48, 63 }));
    }

    [Test]
    public async Task Compact_with_glued_boilerplate_and_crlf()
    {
        var tokens = await TokensAsync("file:///c.txt", "SubscribeasanAI: A Toolkit\r\nWe train 7B models on 3T tokens.\r\n");
        Assert.That(tokens, Is.EqualTo(new[] { (0, 0, 9, "comment.deprecated"), (0, 9, 7, "type"), (0, 17, 9, "class"), (1, 9, 2, "number"), (1, 22, 2, "number") }));
    }

    [Test]
    public async Task Page_copy_and_markdown()
    {
        var page = await TokensAsync("file:///p.papers", """
            [-] 42
            https://huggingface.co/papers/2502.01234
            Folded Attention: Linear-Time Transformers
            Folded attention is 5.2x faster than dense attention on long inputs.
            """);
        Assert.That(page, Is.EqualTo(new[] { (1, 0, 40, "string"), (2, 0, 42, "class"), (3, 20, 4, "number") }));
        var md = await TokensAsync("file:///list.md", """
            ## Retrieval

            ### Lantern: Retrieval Heads

            It cuts calls by 41%.

            > #read
            """);
        Assert.That(md, Is.EqualTo(new[] { (0, 3, 9, "namespace"), (2, 4, 8, "type"), (2, 13, 15, "class"), (4, 17, 3, "number"), (6, 0, 2, "comment"), (6, 2, 5, "decorator") }));
    }

    [Test]
    public async Task A_range_on_a_huge_digest_returns_only_the_tokens_in_it()
    {
        string text = Digests.Spaced(4_000_000);
        var tokens = await TokensAsync("file:///huge.digest", text, "{}", TestClient.Range(30_000, 0, 30_010, 0));
        Assert.That(tokens, Is.Not.Empty);
        Assert.That(tokens.All(t => t.Line is >= 30_000 and < 30_010), Is.True, string.Join(", ", tokens));
        Assert.That(tokens.Select(t => t.Type), Does.Contain("class").And.Contain("number").And.Contain("string"));
    }

    [Test]
    public async Task Seed_range_tokens_are_the_full_tokens_of_those_lines()
    {
        string text = Seeds.Read(Seeds.Compact);
        var full = await TokensAsync("file:///seed-004.txt", text);
        var range = await TokensAsync("file:///seed-004.txt", text, "{}", TestClient.Range(20, 0, 40, 0));
        Assert.That(range, Is.EqualTo(full.Where(t => t.Line is >= 20 and < 40)));
        for (int k = 1; k < full.Count; k++)
            Assert.That(full[k].Line > full[k - 1].Line || full[k].Char >= full[k - 1].Char + full[k - 1].Length, $"token {k} is after token {k - 1}");
    }
}
