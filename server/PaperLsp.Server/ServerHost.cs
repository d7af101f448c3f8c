using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Logging;

namespace PaperLsp.Server;

/// <summary>Runs one server over a pair of streams until <c>exit</c> or the end of the input.</summary>
public static class ServerHost
{
    /// <returns>The process exit code: 0 after shutdown + exit, 1 otherwise.</returns>
    public static Task<int> RunAsync(Stream input, Stream output, TextWriter log, CancellationToken token = default)
    {
        Documents.FirstUseWarmup.Start();
        return RunAsync(input, output, log, null, token);
    }

    internal static async Task<int> RunAsync(Stream input, Stream output, TextWriter log, Action<ServerSession>? configure, CancellationToken token)
    {
        using var logging = new LspLoggerProvider(log);
        using var connection = new Connection(input, output, logger: logging.CreateLogger("PaperLsp.Protocol"));
        var session = new ServerSession(connection, logging);
        using var indexer = session.Indexer;
        configure?.Invoke(session);
        logging.Attach(p => connection.SendNotificationAsync(Methods.WindowLogMessage, JsonPayload.ToElement(p, LspJsonContext.Default.LogMessageParams)));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        session.Publisher.Start(stop.Token);
        session.Indexer.Start(stop.Token);
        var reading = connection.RunAsync(new LanguageServer(session), stop.Token);
        var finished = await Task.WhenAny(reading, session.Exited.Task).ConfigureAwait(false);
        logging.Attach(null);
        await stop.CancelAsync().ConfigureAwait(false);
        if (finished == session.Exited.Task) return await session.Exited.Task.ConfigureAwait(false);
        try
        {
            await reading.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        return session.State == Lifecycle.ShutDown ? 0 : 1;
    }
}
