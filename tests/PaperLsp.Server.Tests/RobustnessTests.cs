using System.Text.Json;
using System.Text.Json.Nodes;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

public class RobustnessTests
{
    private const string Init = """{"processId":null,"capabilities":{"textDocument":{"diagnostic":{},"documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}}""";

    [Test]
    public async Task A_burst_of_1000_edits_with_requests_and_cancellations_on_20_MB_answers_every_request_once()
    {
        string text = Digests.Spaced(20_000_000);
        const string uri = "file:///big.digest";
        var lines = text.Split('\n').ToList();
        var rng = new Random(3);
        var requests = new List<RequestId>();
        RequestId? diagnostics;

        await using (var client = new RawClient())
        {
            requests.Add(await client.RequestAsync("initialize", Init));
            await client.NotifyAsync("initialized", "{}");
            await client.NotifyAsync("textDocument/didOpen", JsonSerializer.Serialize(new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "paper-digest", ["version"] = 1, ["text"] = text },
            }));
            for (int edit = 0; edit < 1000; edit++)
            {
                // Type into a random title (every 4th line from line 4 is a title): insert or delete one character.
                int line = 4 + 4 * rng.Next((lines.Count - 8) / 4);
                int column = rng.Next(lines[line].Length + 1);
                bool delete = column < lines[line].Length && rng.Next(3) == 0;
                string inserted = delete ? "" : ((char)('a' + rng.Next(26))).ToString();
                lines[line] = delete ? lines[line].Remove(column, 1) : lines[line].Insert(column, inserted);
                await client.NotifyAsync("textDocument/didChange", JsonSerializer.Serialize(new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = edit + 2 },
                    ["contentChanges"] = new JsonArray(new JsonObject
                    {
                        ["range"] = TestClient.Range(line, column, line, delete ? column + 1 : column),
                        ["text"] = inserted,
                    }),
                }));
                if (edit % 100 == 0) requests.Add(await client.RequestAsync("textDocument/documentSymbol", TextDocument(uri)));
                if (edit % 250 == 0) requests.Add(await client.RequestAsync("textDocument/diagnostic", TextDocument(uri)));
                if (edit % 50 == 7)
                {
                    var cancelled = await client.RequestAsync("textDocument/documentSymbol", TextDocument(uri));
                    await client.CancelAsync(cancelled);
                    requests.Add(cancelled);
                }
            }
            diagnostics = await client.RequestAsync("textDocument/diagnostic", TextDocument(uri));
            requests.Add(diagnostics.Value);

            foreach (var id in requests) await client.ResponseAsync(id);
            await Task.Delay(100); // a duplicate answer would have arrived by now
            Assert.That(requests.Where(id => client.ResponseCount(id) != 1), Is.Empty, "requests without exactly one answer");
            var answers = requests.Select(id => client.ResponseAsync(id).Result).ToList();
            Assert.That(answers.Where(a => !a.IsSuccess).Select(a => a.Error!.Code), Has.All.AnyOf(ErrorCodes.RequestCancelled, ErrorCodes.ContentModified));

            var final = await client.ResponseAsync(diagnostics.Value);
            Assert.That(final.IsSuccess, Is.True, final.Error?.Message);
            string fresh = await FreshDiagnosticsAsync(string.Join('\n', lines), uri);
            Assert.That(final.Result!.Value.GetProperty("items").GetRawText(), Is.EqualTo(fresh), "the edited document's diagnostics equal a fresh open of its final text");
        }
    }

    private static string TextDocument(string uri) => "{\"textDocument\":{\"uri\":\"" + uri + "\"}}";

    private static async Task<string> FreshDiagnosticsAsync(string text, string uri)
    {
        await using var client = new RawClient();
        await client.ResponseAsync(await client.RequestAsync("initialize", Init));
        await client.NotifyAsync("initialized", "{}");
        await client.NotifyAsync("textDocument/didOpen", JsonSerializer.Serialize(new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "paper-digest", ["version"] = 1, ["text"] = text },
        }));
        var response = await client.ResponseAsync(await client.RequestAsync("textDocument/diagnostic", TextDocument(uri)));
        return response.Result!.Value.GetProperty("items").GetRawText();
    }
}
