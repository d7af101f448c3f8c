using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Protocol.Tests.Support;
using static PaperLsp.Protocol.Tests.Support.Frames;

namespace PaperLsp.Protocol.Tests;

public class ConnectionTests
{
    private static JsonElement Json(string json) => JsonElement.Parse(json);

    /// <summary>Two connections talking to each other, as a client and a server would.</summary>
    internal sealed class Pair : IAsyncDisposable
    {
        private readonly InMemoryDuplexStream _clientEnd;
        private readonly InMemoryDuplexStream _serverEnd;

        public Pair(IMessageHandler clientHandler, IMessageHandler serverHandler)
        {
            (_clientEnd, _serverEnd) = InMemoryDuplexStream.CreatePair();
            Client = new Connection(_clientEnd, _clientEnd);
            Server = new Connection(_serverEnd, _serverEnd);
            ClientRunning = Client.RunAsync(clientHandler);
            ServerRunning = Server.RunAsync(serverHandler);
        }

        public Connection Client { get; }

        public Connection Server { get; }

        public Task ClientRunning { get; }

        public Task ServerRunning { get; }

        public async ValueTask DisposeAsync()
        {
            await _clientEnd.DisposeAsync();
            await _serverEnd.DisposeAsync();
            await Task.WhenAll(ClientRunning, ServerRunning).WaitAsync(TestTimeout);
            Client.Dispose();
            Server.Dispose();
        }
    }

    [Test]
    public async Task Request_and_response_between_two_connections()
    {
        RequestId? seen = null;
        var server = new TestHandler { OnRequest = (request, _) => { seen = request.Id; return ValueTask.FromResult<JsonResult?>(request.Params); } };
        await using var pair = new Pair(new TestHandler(), server);

        var result = await pair.Client.SendRequestAsync("echo", Json("""{"x":[1,"𝔸"]}""")).WaitAsync(TestTimeout);

        Assert.That(result.GetProperty("x")[1].GetString(), Is.EqualTo("𝔸"));
        Assert.That(seen, Is.EqualTo(new RequestId(1)));
    }

    [Test]
    public async Task Server_asks_the_client_and_awaits_the_typed_answer()
    {
        var client = new TestHandler { OnRequest = (_, _) => ValueTask.FromResult<JsonResult?>(Json("""{"success":true}""")) };
        await using var pair = new Pair(client, new TestHandler());

        var result = await pair.Server.SendRequestAsync(
            Methods.WindowShowDocument, new ShowDocumentParams { Uri = "https://arxiv.org/abs/2406.11912", External = true },
            LspJsonContext.Default.ShowDocumentParams, LspJsonContext.Default.ShowDocumentResult).WaitAsync(TestTimeout);

        Assert.That(result, Is.EqualTo(new ShowDocumentResult(true)));
    }

    [Test]
    public async Task An_error_answer_throws_with_its_code()
    {
        var server = new TestHandler { OnRequest = (_, _) => throw new ResponseErrorException(ErrorCodes.MethodNotFound, "no such method") };
        await using var pair = new Pair(new TestHandler(), server);

        var thrown = Assert.ThrowsAsync<ResponseErrorException>(() => pair.Client.SendRequestAsync("nope", null).WaitAsync(TestTimeout));

        Assert.That(thrown!.Error, Is.EqualTo(new ResponseError(ErrorCodes.MethodNotFound, "no such method")));
    }

    [Test]
    public async Task String_and_number_ids_are_answered_with_the_same_kind()
    {
        await using var peer = new RawPeer(new TestHandler());

        peer.Send("""{"jsonrpc":"2.0","id":"1","method":"echo","params":{"a":1}}""");
        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("""response "1" result {"a":1}"""));
        peer.Send("""{"jsonrpc":"2.0","id":1,"method":"echo","params":{"a":2}}""");
        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("""response 1 result {"a":2}"""));
    }

    [Test]
    public async Task A_null_result_is_sent_as_json_null()
    {
        await using var peer = new RawPeer(new TestHandler { OnRequest = (_, _) => ValueTask.FromResult<JsonResult?>(null) });

        peer.Send("""{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{}}""");

        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response 3 result null"));
    }

    [Test]
    public async Task A_default_json_element_result_answers_internal_error()
    {
        await using var peer = new RawPeer(new TestHandler { OnRequest = (_, _) => ValueTask.FromResult<JsonResult?>(default(JsonElement)) });

        peer.Send("""{"jsonrpc":"2.0","id":1,"method":"m"}""");

        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response 1 error -32603"));
    }

    [Test]
    public async Task A_failing_handler_answers_internal_error_and_the_connection_goes_on()
    {
        await using var peer = new RawPeer(new TestHandler
        {
            OnRequest = (request, _) => request.Method == "boom" ? throw new InvalidOperationException("broken") : ValueTask.FromResult<JsonResult?>(request.Params),
        });

        peer.Send("""{"jsonrpc":"2.0","id":1,"method":"boom"}""");
        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response 1 error -32603"));
        peer.Send("""{"jsonrpc":"2.0","id":2,"method":"echo","params":[2]}""");
        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response 2 result [2]"));
    }

    [Test]
    public async Task Invalid_json_is_answered_with_a_parse_error_and_the_next_message_is_served()
    {
        await using var peer = new RawPeer(new TestHandler());

        peer.Send("""{"jsonrpc":"2.0","id":1,"method":""");
        peer.Send("""{"jsonrpc":"2.0","id":2,"method":"echo","params":[2]}""");

        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response null error -32700"));
        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response 2 result [2]"));
    }

    [Test]
    public async Task A_batch_gets_one_invalid_request_error_and_is_not_run()
    {
        var handler = new TestHandler();
        await using var peer = new RawPeer(handler);

        peer.Send("""[{"jsonrpc":"2.0","id":1,"method":"echo"},{"jsonrpc":"2.0","id":2,"method":"echo"}]""");
        peer.Send("""{"jsonrpc":"2.0","id":3,"method":"echo","params":[3]}""");

        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response null error -32600"));
        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response 3 result [3]"));
        Assert.That(handler.RequestCount, Is.EqualTo(1));
    }

    [Test]
    public async Task A_framing_error_is_logged_and_the_next_message_is_served()
    {
        await using var peer = new RawPeer(new TestHandler());

        peer.SendBytes(Ascii("Content-Length: lots\r\n\r\n{}"));
        peer.Send("""{"jsonrpc":"2.0","id":2,"method":"echo","params":[2]}""");

        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response 2 result [2]"));
        Assert.That(peer.Logger.Lines, Has.Some.Contains("Content-Length 'lots'"));
    }

    [Test]
    public async Task A_response_to_an_unknown_id_is_logged_and_ignored()
    {
        await using var peer = new RawPeer(new TestHandler());

        peer.Send("""{"jsonrpc":"2.0","id":999,"result":{"stale":true}}""");
        peer.Send("""{"jsonrpc":"2.0","id":1,"method":"echo","params":[1]}""");

        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response 1 result [1]"));
        Assert.That(peer.Logger.Lines, Has.One.Contains("unknown request 999"));
    }

    [Test]
    public async Task A_cancel_that_arrives_before_its_request_is_answered_request_cancelled_without_running_it()
    {
        var handler = new TestHandler();
        await using var peer = new RawPeer(handler);

        peer.Send("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"late"}}""");
        peer.Send("""{"jsonrpc":"2.0","id":"late","method":"echo","params":[1]}""");

        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("""response "late" error -32800"""));
        Assert.That(handler.RequestCount, Is.Zero);
    }

    [Test]
    public async Task A_cancel_during_a_request_cancels_the_handler_token()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var peer = new RawPeer(new TestHandler
        {
            OnRequest = async (_, token) =>
            {
                started.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return null;
            },
        });

        peer.Send("""{"jsonrpc":"2.0","id":5,"method":"slow"}""");
        await started.Task.WaitAsync(TestTimeout);
        peer.Send("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":5}}""");

        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response 5 error -32800"));
    }

    [Test]
    public async Task Cancelling_an_outgoing_request_tells_the_peer()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelledOnTheOtherSide = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new TestHandler
        {
            OnRequest = async (_, token) =>
            {
                token.Register(cancelledOnTheOtherSide.SetResult);
                started.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, token);
                return null;
            },
        };
        await using var pair = new Pair(new TestHandler(), server);
        using var cancellation = new CancellationTokenSource();

        var pending = pair.Client.SendRequestAsync("slow", null, cancellation.Token);
        await started.Task.WaitAsync(TestTimeout);
        await cancellation.CancelAsync();

        Assert.That(async () => await pending.WaitAsync(TestTimeout), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(async () => await cancelledOnTheOtherSide.Task.WaitAsync(TestTimeout), Throws.Nothing);
    }

    [Test]
    public async Task Notifications_reach_the_handler_in_order_and_cancel_requests_do_not()
    {
        var handler = new TestHandler();
        await using var peer = new RawPeer(handler);

        for (int i = 0; i < 20; i++)
        {
            peer.Send($$"""{"jsonrpc":"2.0","method":"textDocument/didChange","params":[{{i}}]}""");
        }

        peer.Send("""{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}""");
        peer.Send("""{"jsonrpc":"2.0","id":"sync","method":"echo"}""");
        await peer.ReadAsync();

        Assert.That(handler.Notifications, Is.EqualTo(Enumerable.Range(0, 20).Select(i => $"notification textDocument/didChange [{i}]")));
    }

    [Test]
    public async Task When_the_input_ends_the_loop_ends_and_pending_requests_fail()
    {
        await using var peer = new RawPeer(new TestHandler());
        var pending = peer.Connection.SendRequestAsync(Methods.WorkspaceConfiguration, Json("""{"items":[]}"""));
        Assert.That(Describe(await peer.ReadAsync()), Is.EqualTo("""request 1 workspace/configuration {"items":[]}"""));

        peer.CloseInput();

        await peer.Running.WaitAsync(TestTimeout);
        Assert.That(async () => await pending.WaitAsync(TestTimeout), Throws.InstanceOf<IOException>());
        Assert.That(async () => await peer.Connection.SendRequestAsync("late", null).WaitAsync(TestTimeout), Throws.InstanceOf<IOException>());
    }

    [Test]
    public async Task Invalid_params_in_a_typed_handler_answer_invalid_params()
    {
        await using var peer = new RawPeer(new TestHandler
        {
            OnRequest = (request, _) =>
            {
                var hover = request.ParamsAs(LspJsonContext.Default.TextDocumentPositionParams);
                return ValueTask.FromResult<JsonResult?>(JsonPayload.ToElement(hover.Position, LspJsonContext.Default.Position));
            },
        });

        peer.Send("""{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a"}}}""");
        peer.Send("""{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a"},"position":{"line":1,"character":2}}}""");

        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("response 1 error -32602"));
        Assert.That(await peer.ReadDescribedAsync(), Is.EqualTo("""response 2 result {"line":1,"character":2}"""));
    }
}

public class SerialisedResultTests
{
    [Test]
    public async Task A_result_serialised_once_reaches_the_peer_unchanged()
    {
        var symbols = new List<PaperLsp.Protocol.Lsp.FoldingRange> { new() { StartLine = 1, EndLine = 4, Kind = "region" } };
        var server = new TestHandler
        {
            OnRequest = (_, _) => ValueTask.FromResult<JsonResult?>(JsonPayload.ToResult<IReadOnlyList<PaperLsp.Protocol.Lsp.FoldingRange>>(symbols, PaperLsp.Protocol.Lsp.LspJsonContext.Default.IReadOnlyListFoldingRange)),
        };
        await using var pair = new ConnectionTests.Pair(new TestHandler(), server);
        var result = await pair.Client.SendRequestAsync("folds", JsonElement.Parse("{}")).WaitAsync(Frames.TestTimeout);
        Assert.That(result.GetRawText(), Is.EqualTo("""[{"startLine":1,"endLine":4,"kind":"region"}]"""));
    }
}
