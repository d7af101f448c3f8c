using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

/// <summary>Settings from the editor and from .paperlsp.json reach the diagnostics (issue 5, issue 6's settings).</summary>
public class SettingsTests
{
    private const string Text = "A Paper on Kernels\n\nWe use \\emph{kernels} and report 3.1% gains on three benchmarks with a method.\n\nA Paper on Kernels\n\nAgain \\emph{kernels} with other words so that the abstracts differ from each other.\n";

    [Test]
    public async Task Editor_settings_turn_a_code_off_and_change_a_severity()
    {
        await using var client = await TestClient.StartAsync(initializationOptions: """{"paperDigest":{"diagnostics":{"severity":{"PD008":"off","PD001":"error"}}}}""");
        await client.OpenAsync("file:///a.digest", Text);
        var d = await client.DiagnosticsAsync("file:///a.digest");
        var items = WorkspaceIndexTests.Items(d);
        Assert.That(items.Select(i => (string)i!["code"]!), Is.EqualTo(new[] { "PD001", "PD001" }));
        Assert.That(items.Select(i => (int)i!["severity"]!), Is.All.EqualTo(1));

        await client.NotifyAsync("workspace/didChangeConfiguration", """{"settings":{"paperDigest":{"diagnostics":{"severity":{"PD001":"hint"}}}}}""");
        var after = await client.DiagnosticsAsync("file:///a.digest", x => WorkspaceIndexTests.Items(x).Any(i => (string?)i!["code"] == "PD008"));
        Assert.That(WorkspaceIndexTests.Items(after).Where(i => (string?)i!["code"] == "PD001").Select(i => (int)i!["severity"]!), Is.All.EqualTo(4));
    }

    [Test]
    public async Task The_workspace_file_wins_over_the_editor()
    {
        string root = Path.Combine(Path.GetTempPath(), "paperlsp-settings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            File.WriteAllText(Path.Combine(root, ".paperlsp.json"), """
                // comments are allowed
                { "diagnostics": { "severity": { "PD008": "off", "PD001": "information", } } }
                """);
            await using var client = await TestClient.StartAsync(rootFolder: root, initializationOptions: """{"paperDigest":{"diagnostics":{"severity":{"PD001":"error"}}}}""");
            string uri = new Uri(Path.Combine(root, "a.digest")).AbsoluteUri;
            await client.OpenAsync(uri, Text);
            var items = WorkspaceIndexTests.Items(await client.DiagnosticsAsync(uri));
            Assert.That(items.Select(i => $"{i!["code"]}:{i["severity"]}"), Is.EqualTo(new[] { "PD001:3", "PD001:3" }));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
