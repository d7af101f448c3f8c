using System.Collections.Concurrent;
using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;

namespace PaperLsp.Server.Tests.Support;

/// <summary>
/// A client at the message level, for robustness tests: it writes whatever it is told and records
/// every message the server sends, so a test can count the answers each request id got.
/// </summary>
public sealed class RawClient : IAsyncDisposable
{
    private readonly InMemoryDuplexStream _end;
    private readonly MessageWriter _writer;
    private readonly Task _reading;
    private readonly ConcurrentDictionary<RequestId, List<ResponseMessage>> _responses = new();
    private readonly ConcurrentQueue<NotificationMessage> _notifications = new();
    private long _nextId;

    public RawClient(Action<ServerSession>? configure = null)
    {
        var (clientEnd, serverEnd) = InMemoryDuplexStream.CreatePair();
        _end = clientEnd;
        Server = ServerHost.RunAsync(serverEnd, serverEnd, TextWriter.Null, configure, CancellationToken.None);
        _writer = new MessageWriter(clientEnd);
        _reading = Task.Run(ReadAsync);
    }

    public Task<int> Server { get; }

    private readonly ConcurrentQueue<ResponseMessage> _anonymous = new();

    /// <summary>Responses with a null id: errors for requests whose id could not be read.</summary>
    public IReadOnlyCollection<ResponseMessage> AnonymousResponses => _anonymous;

    /// <summary>Ends the client's output, as a client that dies mid-message does.</summary>
    public void CompleteWriting() => _end.CompleteWriting();

    public IReadOnlyCollection<NotificationMessage> Notifications => _notifications;

    public async Task<RequestId> RequestAsync(string method, string json)
    {
        var id = new RequestId(Interlocked.Increment(ref _nextId));
        await _writer.WriteAsync(new RequestMessage(id, method, JsonElement.Parse(json)));
        return id;
    }

    public Task NotifyAsync(string method, string json) => _writer.WriteAsync(new NotificationMessage(method, JsonElement.Parse(json)));

    /// <summary>Writes bytes as they are: a frame the writer would never produce.</summary>
    public async Task WriteRawAsync(byte[] bytes)
    {
        await _end.WriteAsync(bytes);
        await _end.FlushAsync();
    }

    public Task CancelAsync(RequestId id) => NotifyAsync("$/cancelRequest", $$"""{"id":{{id}}}""");

    /// <summary>Waits for the response to a request and returns it (the test checks there is only one).</summary>
    public async Task<ResponseMessage> ResponseAsync(RequestId id)
    {
        var deadline = DateTime.UtcNow + TestClient.Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_responses.TryGetValue(id, out var list))
                lock (list)
                    if (list.Count > 0) return list[0];
            await Task.Delay(5);
        }
        throw new TimeoutException($"no response to request {id}");
    }

    public int ResponseCount(RequestId id) => _responses.TryGetValue(id, out var list) ? list.Count : 0;

    private async Task ReadAsync()
    {
        var reader = new MessageReader(_end);
        while (true)
        {
            var result = await reader.ReadAsync();
            if (result.Status is ReadStatus.EndOfStream or ReadStatus.UnexpectedEndOfStream) return;
            switch (result.Message)
            {
                case ResponseMessage { Id: { } id } response:
                    var list = _responses.GetOrAdd(id, _ => []);
                    lock (list) list.Add(response);
                    break;
                case ResponseMessage anonymous:
                    _anonymous.Enqueue(anonymous);
                    break;
                case NotificationMessage notification:
                    _notifications.Enqueue(notification);
                    break;
                case RequestMessage request:
                    await _writer.WriteAsync(ResponseMessage.Success(request.Id, null));
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _end.CompleteWriting();
        await Server.WaitAsync(TestClient.Timeout);
        _writer.Dispose();
        await _end.DisposeAsync();
        _ = _reading; // ends when the stream is disposed
    }
}
