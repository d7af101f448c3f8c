using Microsoft.Extensions.Logging;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Handlers;

// The mutating notifications. They do all their work synchronously, so they apply in message order.

public sealed class DidOpenHandler : INotificationHandler
{
    public string Method => Methods.TextDocumentDidOpen;

    public ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token)
    {
        var doc = notification.ParamsAs(LspJsonContext.Default.DidOpenTextDocumentParams).TextDocument;
        session.Documents.Open(doc.Uri, doc.Version, doc.Text);
        session.Collector.AfterChange();
        session.Publisher.Schedule();
        return ValueTask.CompletedTask;
    }
}

public sealed class DidChangeHandler : INotificationHandler
{
    public string Method => Methods.TextDocumentDidChange;

    public ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token)
    {
        var p = notification.ParamsAs(LspJsonContext.Default.DidChangeTextDocumentParams);
        if (session.Documents.Change(p.TextDocument.Uri, p.TextDocument.Version, p.ContentChanges))
        {
            session.Collector.AfterChange();
            session.Publisher.Schedule();
        }
        else session.Logger.LogWarning("didChange for a document that is not open: {Uri}", p.TextDocument.Uri);
        return ValueTask.CompletedTask;
    }
}

public sealed class DidCloseHandler : INotificationHandler
{
    public string Method => Methods.TextDocumentDidClose;

    public ValueTask HandleAsync(NotificationMessage notification, ServerSession session, CancellationToken token)
    {
        session.Documents.Close(notification.ParamsAs(LspJsonContext.Default.DidCloseTextDocumentParams).TextDocument.Uri);
        session.Publisher.Schedule();
        return ValueTask.CompletedTask;
    }
}
