using System.Collections.Concurrent;
using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;

namespace PaperLsp.Protocol.Tests.Support;

/// <summary>Echoes request params as the result unless told otherwise; records notifications in arrival order.</summary>
internal sealed class TestHandler : IMessageHandler
{
    private int _requestCount;

    public Func<RequestMessage, CancellationToken, ValueTask<JsonResult?>> OnRequest { get; init; } =
        (request, _) => ValueTask.FromResult<JsonResult?>(request.Params);

    public ConcurrentQueue<string> Notifications { get; } = new();

    public int RequestCount => Volatile.Read(ref _requestCount);

    public ValueTask<JsonResult?> HandleRequestAsync(RequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requestCount);
        return OnRequest(request, cancellationToken);
    }

    public ValueTask HandleNotificationAsync(NotificationMessage notification, CancellationToken cancellationToken)
    {
        Notifications.Enqueue(Frames.Describe(notification));
        return ValueTask.CompletedTask;
    }
}
