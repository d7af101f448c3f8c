using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperLsp.Protocol.JsonRpc;

namespace PaperLsp.Server.Tests;

/// <summary>The built `paperlsp lsp` as a separate process: a whole session on a real seed, then its exit code.</summary>
public class SubprocessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static Process Start(string verb)
    {
        string dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "paperlsp.dll");
        Assert.That(File.Exists(dll), $"{dll} was not built next to the tests");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add(verb);
        return Process.Start(info)!;
    }

    [TestCase("lsp")]
    [TestCase("--stdio")]
    public async Task A_full_session_on_a_seed_ends_with_exit_code_0(string verb)
    {
        string seed = Path.GetFullPath(Path.Combine(Support.Paths.RepoRoot, "..", "shared", "seeds", "004_2519e4a23e4788df.txt"));
        if (!File.Exists(seed)) Assert.Ignore($"seed digest {seed} is absent (CI always has ../shared/seeds)");
        using var process = Start(verb);
        _ = process.StandardError.ReadToEndAsync();
        var writer = new MessageWriter(process.StandardInput.BaseStream);
        var reader = new MessageReader(process.StandardOutput.BaseStream);

        async Task<JsonElement> Next(Func<Message, bool> match)
        {
            while (true)
            {
                var r = await reader.ReadAsync().AsTask().WaitAsync(Timeout);
                Assert.That(r.Status, Is.EqualTo(ReadStatus.Message), r.Problem);
                if (match(r.Message!)) return r.Message switch
                {
                    ResponseMessage m => m.Result ?? default,
                    NotificationMessage n => n.Params ?? default,
                    _ => default,
                };
            }
        }
        Task Send(Message m) => writer.WriteAsync(m);
        JsonElement Json(JsonNode node) => JsonElement.Parse(node.ToJsonString());
        bool Response(Message m, int id) => m is ResponseMessage r && r.Id == new RequestId(id);

        await Send(new RequestMessage(new RequestId(1), "initialize", JsonElement.Parse("""{"processId":null,"capabilities":{}}""")));
        var init = await Next(m => Response(m, 1));
        Assert.That(init.GetProperty("capabilities").GetProperty("textDocumentSync").GetProperty("change").GetInt32(), Is.EqualTo(2));
        await Send(new NotificationMessage("initialized", JsonElement.Parse("{}")));

        const string uri = "file:///seed-004.txt";
        await Send(new NotificationMessage("textDocument/didOpen", Json(new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "paper-digest", ["version"] = 1, ["text"] = File.ReadAllText(seed) },
        })));
        var published = await Next(m => m is NotificationMessage { Method: "textDocument/publishDiagnostics" });
        Assert.That(published.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(published.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()), Does.Contain("PD003"));

        await Send(new RequestMessage(new RequestId(2), "textDocument/documentSymbol", Json(new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } })));
        var symbols = await Next(m => Response(m, 2));
        Assert.That(symbols.GetArrayLength(), Is.EqualTo(119));

        // Delete the glued "Subscribe": the glued-boilerplate warning goes away.
        await Send(new NotificationMessage("textDocument/didChange", Json(new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = Support.TestClient.Range(2, 0, 2, 9), ["text"] = "" }),
        })));
        var after = await Next(m => m is NotificationMessage { Method: "textDocument/publishDiagnostics" } n && n.Params!.Value.GetProperty("version").GetInt32() == 2);
        Assert.That(after.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()), Does.Not.Contain("PD003"));

        await Send(new RequestMessage(new RequestId(3), "shutdown"));
        await Next(m => Response(m, 3));
        await Send(new NotificationMessage("exit"));
        await process.WaitForExitAsync().WaitAsync(Timeout);
        Assert.That(process.ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task Exit_without_shutdown_ends_the_process_with_1()
    {
        using var process = Start("lsp");
        _ = process.StandardError.ReadToEndAsync();
        var writer = new MessageWriter(process.StandardInput.BaseStream);
        await writer.WriteAsync(new NotificationMessage("exit"));
        await process.WaitForExitAsync().WaitAsync(Timeout);
        Assert.That(process.ExitCode, Is.EqualTo(1));
    }
}
