using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Server;

namespace PaperLsp.Server.Tests.Support;

/// <summary>
/// A language client over the in-memory pair, talking JSON: what a test sends and expects is
/// visible in the test. Server-to-client notifications and requests are recorded; requests are answered
/// (window/showDocument with success, the others with null).
/// </summary>
public sealed class TestClient : IAsyncDisposable, IMessageHandler
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly Connection _connection;
    private readonly Task<int> _server;
    private readonly Task _reading;
    private readonly ConcurrentQueue<NotificationMessage> _notifications = new();
    private readonly ConcurrentQueue<RequestMessage> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly Dictionary<string, JsonNode> _latest = new(StringComparer.Ordinal);

    public TestClient(Action<ServerSession>? configure = null)
    {
        var (clientEnd, serverEnd) = InMemoryDuplexStream.CreatePair();
        _server = ServerHost.RunAsync(serverEnd, serverEnd, TextWriter.Null, configure, CancellationToken.None);
        _connection = new Connection(clientEnd, clientEnd);
        _reading = _connection.RunAsync(this);
        ClientEnd = clientEnd;
    }

    public InMemoryDuplexStream ClientEnd { get; }
    public Task<int> ServerExit => _server;

    public static async Task<TestClient> StartAsync(string capabilities = """{"textDocument":{"documentSymbol":{"hierarchicalDocumentSymbolSupport":true}}}""",
        Action<ServerSession>? configure = null, string? rootFolder = null, string initializationOptions = "null")
    {
        var client = new TestClient(configure);
        string root = rootFolder is null ? "null" : JsonSerializer.Serialize(new Uri(rootFolder).AbsoluteUri);
        await client.RequestAsync("initialize", $$"""{"processId":null,"rootUri":{{root}},"capabilities":{{capabilities}},"initializationOptions":{{initializationOptions}}}""");
        await client.NotifyAsync("initialized", "{}");
        return client;
    }

    /// <summary>Sends a request with a chosen id and returns the task of its raw response (for cancellation tests).</summary>
    public Task<JsonElement> SendAsync(string method, string json, CancellationToken token) =>
        _connection.SendRequestAsync(method, JsonElement.Parse(json), token);

    public async Task<JsonNode?> RequestAsync(string method, string? json = null, CancellationToken token = default)
    {
        var result = await _connection.SendRequestAsync(method, json is null ? null : JsonElement.Parse(json), token).WaitAsync(Timeout, token);
        return JsonNode.Parse(result.GetRawText());
    }

    /// <summary>The error code a request is answered with (fails when it succeeds).</summary>
    public async Task<int> ErrorCodeAsync(string method, string? json = null)
    {
        try
        {
            await RequestAsync(method, json);
        }
        catch (ResponseErrorException e)
        {
            return e.Error.Code;
        }
        Assert.Fail($"{method} succeeded; an error was expected");
        return 0;
    }

    public Task NotifyAsync(string method, string json) => _connection.SendNotificationAsync(method, JsonElement.Parse(json));

    public Task OpenAsync(string uri, string text, int version = 1) =>
        NotifyAsync("textDocument/didOpen", JsonSerializer.Serialize(new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "paper-digest", ["version"] = version, ["text"] = text },
        }));

    public Task ChangeAsync(string uri, int version, int line, int character, int endLine, int endCharacter, string text) =>
        NotifyAsync("textDocument/didChange", JsonSerializer.Serialize(new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = Range(line, character, endLine, endCharacter),
                ["text"] = text,
            }),
        }));

    public static JsonObject Range(int line, int character, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    /// <summary>Waits until the latest diagnostics published for the uri match (the test sees the client's view).</summary>
    public async Task<JsonNode> DiagnosticsAsync(string uri, Func<JsonNode, bool>? match = null)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            while (_notifications.TryDequeue(out var n))
            {
                if (n.Method != "textDocument/publishDiagnostics") continue;
                var p = JsonNode.Parse(n.Params!.Value.GetRawText())!;
                _latest[(string)p["uri"]!] = p;
            }
            if (_latest.TryGetValue(uri, out var latest) && (match is null || match(latest))) return latest;
            await _arrived.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"the diagnostics of {uri} never matched; latest: {_latest.GetValueOrDefault(uri)?.ToJsonString()}");
    }

    public async Task<int> ShutdownAndExitAsync()
    {
        await RequestAsync("shutdown");
        await NotifyAsync("exit", "{}");
        return await _server.WaitAsync(Timeout);
    }

    /// <summary>Every request the server sent, in order of arrival.</summary>
    public IReadOnlyCollection<RequestMessage> ServerRequests => _requests;

    /// <summary>What window/showDocument answers (success by default).</summary>
    public bool ShowDocumentSucceeds { get; set; } = true;

    ValueTask<JsonResult?> IMessageHandler.HandleRequestAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        return ValueTask.FromResult<JsonResult?>(request.Method == "window/showDocument"
            ? JsonElement.Parse(ShowDocumentSucceeds ? """{"success":true}""" : """{"success":false}""")
            : null);
    }

    private readonly List<NotificationMessage> _history = [];

    /// <summary>Waits for a notification of the method whose params match (every one ever received counts).</summary>
    public async Task<JsonNode> NotificationAsync(string method, Func<JsonNode, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        int seen = 0;
        while (DateTime.UtcNow < deadline)
        {
            NotificationMessage[] now;
            lock (_history) now = _history.Skip(seen).ToArray();
            seen += now.Length;
            foreach (var n in now)
            {
                if (n.Method != method) continue;
                var p = JsonNode.Parse(n.Params!.Value.GetRawText())!;
                if (match(p)) return p;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"no {method} notification matched");
    }

    /// <summary>The params of every notification of the method received so far.</summary>
    public List<JsonNode> Notifications(string method)
    {
        lock (_history) return _history.Where(n => n.Method == method).Select(n => JsonNode.Parse(n.Params!.Value.GetRawText())!).ToList();
    }

    ValueTask IMessageHandler.HandleNotificationAsync(NotificationMessage notification, CancellationToken cancellationToken)
    {
        lock (_history) _history.Add(notification);
        _notifications.Enqueue(notification);
        _arrived.Release();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        ClientEnd.CompleteWriting();
        try
        {
            await _server.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
        }
        _connection.Dispose();
        await ClientEnd.DisposeAsync();
        _ = _reading;
    }
}
