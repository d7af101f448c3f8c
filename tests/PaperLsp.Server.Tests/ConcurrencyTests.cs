using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Server.Tests.Support;

namespace PaperLsp.Server.Tests;

/// <summary>Reads run on a snapshot: cancelled ones answer -32800, overtaken ones -32801, failing ones do not stop the server.</summary>
public class ConcurrencyTests
{
    private const string Text = "Alpha: First\nWe propose a method that does one thing well. It improves accuracy by 4.2% on two benchmarks.\n";
    private const string Symbols = """{"textDocument":{"uri":"file:///a.digest"}}""";

    /// <summary>Holds the first read until the test releases it; later reads pass.</summary>
    private sealed class Gate
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;

        public Task Entered => _entered.Task;

        public void Release() => _release.TrySetResult();

        public void Install(ServerSession session) => session.BeforeRead = async token =>
        {
            if (Interlocked.Increment(ref _calls) != 1) return;
            _entered.TrySetResult();
            await _release.Task.WaitAsync(TestClient.Timeout, CancellationToken.None);
        };
    }

    [Test]
    public async Task A_cancelled_read_answers_RequestCancelled()
    {
        var gate = new Gate();
        await using var client = await TestClient.StartAsync(configure: gate.Install);
        await client.OpenAsync("file:///a.digest", Text);
        using var cancel = new CancellationTokenSource();
        var pending = client.SendAsync("textDocument/documentSymbol", Symbols, cancel.Token);
        await gate.Entered.WaitAsync(TestClient.Timeout);
        await cancel.CancelAsync();
        gate.Release();
        Assert.That(async () => await pending, Throws.InstanceOf<OperationCanceledException>());
        // The server answered the cancellation (-32800) and goes on serving.
        var symbols = await client.RequestAsync("textDocument/documentSymbol", Symbols);
        Assert.That(symbols!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_read_overtaken_by_an_edit_answers_ContentModified()
    {
        var gate = new Gate();
        await using var client = await TestClient.StartAsync(configure: gate.Install);
        await client.OpenAsync("file:///a.digest", Text);
        var stale = client.RequestAsync("textDocument/documentSymbol", Symbols);
        await gate.Entered.WaitAsync(TestClient.Timeout);
        await client.ChangeAsync("file:///a.digest", 2, 0, 0, 0, 5, "Omega");
        // Messages apply in order: once this answer is back, the edit has been applied.
        var fresh = await client.RequestAsync("textDocument/documentSymbol", Symbols);
        Assert.That((string?)fresh![0]!["name"], Is.EqualTo("Omega: First"));
        gate.Release();
        var error = Assert.ThrowsAsync<ResponseErrorException>(async () => await stale);
        Assert.That(error!.Error.Code, Is.EqualTo(-32801));
    }

    [Test]
    public async Task A_failing_read_answers_InternalError_and_the_server_keeps_serving()
    {
        int calls = 0;
        await using var client = await TestClient.StartAsync(configure: s => s.BeforeRead = _ =>
            Interlocked.Increment(ref calls) == 1 ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        await client.OpenAsync("file:///a.digest", Text);
        Assert.That(await client.ErrorCodeAsync("textDocument/documentSymbol", Symbols), Is.EqualTo(-32603));
        Assert.That((await client.RequestAsync("textDocument/documentSymbol", Symbols))!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_cancel_that_arrives_before_its_request_is_honoured()
    {
        await using var client = await TestClient.StartAsync();
        await client.OpenAsync("file:///a.digest", Text);
        // The client library numbers requests from 1; the next one is 2 here (1 was initialize).
        await client.NotifyAsync("$/cancelRequest", """{"id":2}""");
        Assert.That(await client.ErrorCodeAsync("textDocument/documentSymbol", Symbols), Is.EqualTo(-32800));
    }
}
