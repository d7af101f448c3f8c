using System.Text.Json;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// Receives what the peer sends through a <see cref="Connection"/>. Both methods are called on the
/// read loop in arrival order, and the loop goes on as soon as they return their task: the part of
/// a handler before its first real await runs in message order (apply an edit, take a snapshot),
/// the rest runs concurrently with later messages. Keep that first part short, and never block
/// it on a response from the peer: only the read loop can deliver that response.
/// </summary>
public interface IMessageHandler
{
    /// <summary>
    /// Answers a request. The returned value is the result (C# null is JSON null). Throw
    /// <see cref="ResponseErrorException"/> to answer an error; an <see cref="OperationCanceledException"/>
    /// once <paramref name="cancellationToken"/> is cancelled (by <c>$/cancelRequest</c> or the
    /// connection closing) answers RequestCancelled; any other exception answers InternalError.
    /// </summary>
    ValueTask<JsonResult?> HandleRequestAsync(RequestMessage request, CancellationToken cancellationToken);

    /// <summary>Handles a notification; exceptions are logged. <c>$/cancelRequest</c> never gets here.</summary>
    ValueTask HandleNotificationAsync(NotificationMessage notification, CancellationToken cancellationToken);
}
