using System.Text.Json.Nodes;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

/// <summary>The index of the digests on disk (issue 5): found, reported with progress, searched, and duplicates across files.</summary>
public class WorkspaceIndexTests
{
    private const string ProgressClient = """{"window":{"workDoneProgress":true},"textDocument":{"publishDiagnostics":{"relatedInformation":true}}}""";

    [Test]
    public async Task A_folder_of_1000_digests_is_indexed_with_progress_then_searched_and_checked_across_files()
    {
        using var corpus = new WorkspaceCorpus(files: 1000, entries: 8);
        await using var client = await TestClient.StartAsync(ProgressClient, rootFolder: corpus.Root);
        var end = await client.NotificationAsync("$/progress", p => (string?)p["value"]?["kind"] == "end", TimeSpan.FromSeconds(60));
        Assert.That((string)end["value"]!["message"]!, Does.StartWith("Indexed 1,000 digests (9,000 papers, 10 in more than one file)"));
        var begin = client.Notifications("$/progress").First();
        Assert.That((string?)begin["value"]!["kind"], Is.EqualTo("begin"));
        Assert.That(client.ServerRequests.Any(r => r.Method == "window/workDoneProgress/create"), Is.True);

        var found = (await client.RequestAsync("workspace/symbol", """{"query":"Paper 0777-3"}"""))!.AsArray();
        Assert.That(found.Select(s => (string)s!["location"]!["uri"]!), Does.Contain(corpus.UriOf(777)));
        Assert.That((string)found[0]!["name"]!, Is.EqualTo(WorkspaceCorpus.OwnTitle(777, 3)));

        // A file that was never opened still counts: the shared paper in file 3 is also in files 13, 23, …
        await client.OpenAsync(corpus.UriOf(3), await File.ReadAllTextAsync(corpus.PathOf(3)));
        var diagnostics = await client.DiagnosticsAsync(corpus.UriOf(3), d => d["diagnostics"]!.AsArray().Count > 0);
        var duplicate = diagnostics["diagnostics"]!.AsArray().Single(d => (string?)d!["code"] == "PD001")!;
        Assert.That((string)duplicate["message"]!, Does.Contain("digest-0013.digest:"));
        Assert.That((string)duplicate["message"]!, Does.EndWith("and 94 more"));
        var related = duplicate["relatedInformation"]!.AsArray().Select(r => (string)r!["location"]!["uri"]!).ToList();
        Assert.That(related, Has.Count.EqualTo(50), "related information stops at 50 places");
        Assert.That(related, Does.Contain(corpus.UriOf(493)));
    }

    [Test]
    public async Task The_two_seeds_in_one_workspace_pull_13_shared_papers_in_each_and_no_near_duplicate()
    {
        var spaced = SeedFiles.Read(SeedFiles.Spaced);
        var compact = SeedFiles.Read(SeedFiles.Compact);
        string root = Path.Combine(Path.GetTempPath(), "paperlsp-seeds-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            File.Copy(spaced.Path, Path.Combine(root, SeedFiles.Spaced));
            File.Copy(compact.Path, Path.Combine(root, SeedFiles.Compact));
            ServerSession? session = null;
            await using var client = await TestClient.StartAsync("""{"textDocument":{"diagnostic":{}}}""", s => session = s, root);
            await WaitIdle(session!);
            var report = (await client.RequestAsync("workspace/diagnostic", """{"previousResultIds":[]}"""))!["items"]!.AsArray();
            Assert.That(report, Has.Count.EqualTo(2), "both seeds are reported although neither is open");
            foreach (var item in report)
            {
                var codes = item!["items"]!.AsArray().Select(d => (string)d!["code"]!).ToList();
                Assert.That(codes.Count(c => c == "PD001"), Is.EqualTo(13), (string)item["uri"]!);
                Assert.That(codes, Has.None.EqualTo("PD002"));
                Assert.That(item["version"], Is.Null);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Test]
    public async Task Without_progress_support_the_index_is_built_silently()
    {
        using var corpus = new WorkspaceCorpus(files: 5, entries: 3);
        ServerSession? session = null;
        await using var client = await TestClient.StartAsync("{}", s => session = s, corpus.Root);
        await WaitIdle(session!);
        Assert.That(client.Notifications("$/progress"), Is.Empty);
        Assert.That(session!.Documents.Current.Files, Has.Count.EqualTo(5));
    }

    internal static async Task WaitIdle(ServerSession session)
    {
        // The scan is queued when `initialized` is handled: wait for it to be queued, then for the queue to drain.
        var deadline = DateTime.UtcNow + TestClient.Timeout;
        while (session.Indexer.Idle.IsCompleted && session.Documents.Current.Files.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(20);
        await session.Indexer.Idle.WaitAsync(TestClient.Timeout);
    }

    internal static JsonArray Items(JsonNode diagnostics) => diagnostics["diagnostics"]!.AsArray();
}
