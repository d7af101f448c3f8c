using System.Text.Json;
using PaperLsp.Protocol.JsonRpc;

namespace PaperLsp.Server.Handlers;

/// <summary>One LSP request method: convert in, call the feature, convert out.</summary>
public interface IRequestHandler
{
    string Method { get; }
    ValueTask<JsonResult?> HandleAsync(RequestMessage request, ServerSession session, CancellationToken token);
}

/// <summary>One LSP notification method. Runs in message order up to its first await.</summary>
public interface INotificationHandler
{
    string Method { get; }
    ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token);
}
