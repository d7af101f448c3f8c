using System.Text.Json.Nodes;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

/// <summary>Duplicates stay right while the user edits, across open and closed files (issue 5).</summary>
public class LiveDuplicateTests
{
    // Every paper gets its own abstract (the same abstract twice would make a near duplicate).
    private const string Abstract = "is what we study here, with an estimator that needs few samples and a proof that it recovers the structure of the problem.";
    private const string Client = """{"textDocument":{"publishDiagnostics":{"relatedInformation":true,"versionSupport":true}},"workspace":{"didChangeWatchedFiles":{"dynamicRegistration":true}}}""";
    private const string WorkspaceScope = """{"workspace":{"diagnostics":"workspace"}}""";

    private sealed class Folder : IDisposable
    {
        public Folder(params (string Name, string Text)[] files)
        {
            Root = Path.Combine(Path.GetTempPath(), "paperlsp-live-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
            foreach (var (name, text) in files) Write(name, text);
        }

        public string Root { get; }
        public string Uri(string name) => new Uri(Path.Combine(Root, name)).AbsoluteUri;
        public void Write(string name, string text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, name))!);
            File.WriteAllText(Path.Combine(Root, name), text);
        }
        public void Delete(string name) => File.Delete(Path.Combine(Root, name));
        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    private static string Entry(string title) => $"{title}\n\n{string.Join(' ', title.Reverse())} {Abstract}\n\n";

    private static bool HasCode(JsonNode d, string code) => WorkspaceIndexTests.Items(d).Any(x => (string?)x!["code"] == code);

    [Test]
    public async Task Editing_a_title_into_a_copy_flags_the_closed_file_and_editing_it_back_clears_it()
    {
        string a = Entry("Alpha Paper on Kernels") + Entry("Beta Paper on Robots");
        using var folder = new Folder(("a.digest", a), ("b.digest", Entry("Gamma Paper on Proteins")));
        ServerSession? session = null;
        await using var client = await TestClient.StartAsync(Client, s => session = s, folder.Root, WorkspaceScope);
        await WorkspaceIndexTests.WaitIdle(session!);
        await client.OpenAsync(folder.Uri("a.digest"), a);

        // Line 0 of a.digest becomes the title of b.digest's paper: b (never opened) is told.
        await client.ChangeAsync(folder.Uri("a.digest"), 2, 0, 0, 0, "Alpha Paper on Kernels".Length, "Gamma Paper on Proteins");
        var b = await client.DiagnosticsAsync(folder.Uri("b.digest"), d => HasCode(d, "PD001"));
        Assert.That((string)WorkspaceIndexTests.Items(b)[0]!["message"]!, Does.Contain("a.digest:1"));
        Assert.That(b["version"], Is.Null, "a closed file has no version");

        await client.ChangeAsync(folder.Uri("a.digest"), 3, 0, 0, 0, "Gamma Paper on Proteins".Length, "Alpha Paper on Kernels");
        await client.DiagnosticsAsync(folder.Uri("b.digest"), d => WorkspaceIndexTests.Items(d).Count == 0);
        var own = await client.DiagnosticsAsync(folder.Uri("a.digest"), d => (int?)d["version"] == 3);
        Assert.That(HasCode(own, "PD001"), Is.False);
    }

    [Test]
    public async Task Without_the_workspace_setting_closed_files_are_not_pushed_but_open_ones_update_each_other()
    {
        string a = Entry("Alpha Paper on Kernels");
        string b = Entry("Gamma Paper on Proteins");
        using var folder = new Folder(("a.digest", a), ("b.digest", b), ("c.digest", Entry("Delta Paper on Memory")));
        ServerSession? session = null;
        await using var client = await TestClient.StartAsync(Client, s => session = s, folder.Root);
        await WorkspaceIndexTests.WaitIdle(session!);
        await client.OpenAsync(folder.Uri("a.digest"), a);
        await client.OpenAsync(folder.Uri("b.digest"), b);
        await client.ChangeAsync(folder.Uri("a.digest"), 2, 0, 0, 0, "Alpha Paper on Kernels".Length, "Delta Paper on Memory");
        var own = await client.DiagnosticsAsync(folder.Uri("a.digest"), d => HasCode(d, "PD001"));
        Assert.That((string)WorkspaceIndexTests.Items(own)[0]!["message"]!, Does.Contain("c.digest:1"), "the closed file still counts as a copy");
        await client.ChangeAsync(folder.Uri("b.digest"), 2, 0, 0, 0, "Gamma Paper on Proteins".Length, "Delta Paper on Memory");
        var a3 = await client.DiagnosticsAsync(folder.Uri("a.digest"), d => WorkspaceIndexTests.Items(d).Any(x => ((string)x!["message"]!).Contains("b.digest", StringComparison.Ordinal)));
        Assert.That((string)WorkspaceIndexTests.Items(a3)[0]!["message"]!, Does.Contain("c.digest:1").And.Contain("b.digest:1"));
        Assert.That(client.Notifications("textDocument/publishDiagnostics").Any(p => (string?)p["uri"] == folder.Uri("c.digest")), Is.False);
    }

    [Test]
    public async Task A_rescan_with_other_settings_updates_the_open_documents()
    {
        string a = Entry("Alpha Paper on Kernels");
        using var folder = new Folder(("a.digest", a), ("old/b.digest", Entry("Alpha Paper on Kernels")));
        ServerSession? session = null;
        await using var client = await TestClient.StartAsync(Client, s => session = s, folder.Root);
        await client.OpenAsync(folder.Uri("a.digest"), a);
        await client.DiagnosticsAsync(folder.Uri("a.digest"), d => HasCode(d, "PD001"));
        // Each re-scan starts a new duplicate index; the publisher must still see that the problems moved.
        await client.NotifyAsync("workspace/didChangeConfiguration", """{"settings":{"paperDigest":{"workspace":{"exclude":["old/**"]}}}}""");
        await client.DiagnosticsAsync(folder.Uri("a.digest"), d => !HasCode(d, "PD001"));
        await client.NotifyAsync("workspace/didChangeConfiguration", """{"settings":{"paperDigest":{"workspace":{"exclude":[]}}}}""");
        await client.DiagnosticsAsync(folder.Uri("a.digest"), d => HasCode(d, "PD001"));
    }

    [Test]
    public async Task Watched_file_events_add_and_remove_copies()
    {
        string a = Entry("Alpha Paper on Kernels");
        using var folder = new Folder(("a.digest", a));
        ServerSession? session = null;
        await using var client = await TestClient.StartAsync(Client, s => session = s, folder.Root);
        await WorkspaceIndexTests.WaitIdle(session!);
        var register = await WaitForRequest(client, "client/registerCapability");
        Assert.That(register.Params!.Value.GetRawText(), Does.Contain("workspace/didChangeWatchedFiles").And.Contain("**/*.{digest,papers,txt,md}"));
        await client.OpenAsync(folder.Uri("a.digest"), a);
        await client.DiagnosticsAsync(folder.Uri("a.digest"));

        folder.Write("copy.digest", Entry("Alpha Paper on Kernels"));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", $$"""{"changes":[{"uri":"{{folder.Uri("copy.digest")}}","type":1}]}""");
        await client.DiagnosticsAsync(folder.Uri("a.digest"), d => HasCode(d, "PD001"));

        folder.Delete("copy.digest");
        await client.NotifyAsync("workspace/didChangeWatchedFiles", $$"""{"changes":[{"uri":"{{folder.Uri("copy.digest")}}","type":3}]}""");
        await client.DiagnosticsAsync(folder.Uri("a.digest"), d => !HasCode(d, "PD001"));
    }

    [Test]
    public async Task An_open_document_wins_over_its_file_on_disk_however_the_client_spells_its_uri()
    {
        using var folder = new Folder(("my paper.digest", Entry("Alpha Paper on Kernels")), ("b.digest", Entry("Gamma Paper on Proteins")));
        ServerSession? session = null;
        await using var client = await TestClient.StartAsync(Client, s => session = s, folder.Root);
        await WorkspaceIndexTests.WaitIdle(session!);
        // VS Code escapes more than System.Uri does; the open copy must replace the file, not duplicate it.
        string spelled = folder.Uri("my paper.digest").Replace("paper.digest", "p%61per.digest", StringComparison.Ordinal);
        Assert.That(spelled, Does.Contain("p%61per"), "the test must spell the URI differently");
        await client.OpenAsync(spelled, Entry("Alpha Paper on Kernels"));
        var own = await client.DiagnosticsAsync(spelled);
        Assert.That(WorkspaceIndexTests.Items(own), Is.Empty);
    }

    [Test]
    public async Task References_and_lenses_list_every_copy_and_the_lens_command_opens_the_next()
    {
        string a = Entry("Alpha Paper on Kernels") + Entry("Sparse Graph Learning from Noisy Point Clouds at Scale");
        using var folder = new Folder(("a.digest", a), ("b.digest", Entry("Alpha Paper on Kernels") + Entry("Sparse Graph Learning from Clean Point Clouds at Scale")));
        ServerSession? session = null;
        await using var client = await TestClient.StartAsync("""{"window":{"showDocument":{"support":true}}}""", s => session = s, folder.Root);
        await WorkspaceIndexTests.WaitIdle(session!);
        await client.OpenAsync(folder.Uri("a.digest"), a);

        var refs = (await client.RequestAsync("textDocument/references", RefParams(folder.Uri("a.digest"), 0, true)))!.AsArray();
        Assert.That(refs.Select(r => ((string)r!["uri"]!)[^8..] + ":" + (int)r["range"]!["start"]!["line"]!), Is.EqualTo(new[] { "a.digest:0", "b.digest:0" }));
        var near = (await client.RequestAsync("textDocument/references", RefParams(folder.Uri("a.digest"), 4, false)))!.AsArray();
        Assert.That(near.Select(r => ((string)r!["uri"]!)[^8..] + ":" + (int)r["range"]!["start"]!["line"]!), Is.EqualTo(new[] { "b.digest:4" }), "a near copy is a copy too");
        var none = await client.RequestAsync("textDocument/references", RefParams(folder.Uri("a.digest"), 2, true));
        Assert.That(none, Is.Null, "an abstract is not a paper's name");

        var lenses = (await client.RequestAsync("textDocument/codeLens", "{\"textDocument\":{\"uri\":\"" + folder.Uri("a.digest") + "\"}}"))!.AsArray();
        var copies = lenses.Where(l => (string?)l!["command"]!["command"] == "paperlsp.showCopies").ToList();
        Assert.That(copies.Select(l => (string)l!["command"]!["title"]!), Is.EqualTo(new[] { "1 other copy", "1 other copy" }));
        var args = copies[0]!["command"]!["arguments"]!.ToJsonString();
        var shown = await client.RequestAsync("workspace/executeCommand", $$"""{"command":"paperlsp.showCopies","arguments":{{args}}}""");
        Assert.That((bool)shown!, Is.True);
        var show = client.ServerRequests.Last(r => r.Method == "window/showDocument").Params!.Value.GetRawText();
        Assert.That(show, Does.Contain(folder.Uri("b.digest")).And.Contain("\"takeFocus\":true"));
    }

    private static string RefParams(string uri, int line, bool declaration) =>
        "{\"textDocument\":{\"uri\":\"" + uri + "\"},\"position\":{\"line\":" + line + ",\"character\":3},\"context\":{\"includeDeclaration\":" + (declaration ? "true" : "false") + "}}";

    private static async Task<PaperLsp.Protocol.JsonRpc.RequestMessage> WaitForRequest(TestClient client, string method)
    {
        var deadline = DateTime.UtcNow + TestClient.Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (client.ServerRequests.FirstOrDefault(r => r.Method == method) is { } found) return found;
            await Task.Delay(20);
        }
        throw new TimeoutException($"the server never sent {method}");
    }
}
