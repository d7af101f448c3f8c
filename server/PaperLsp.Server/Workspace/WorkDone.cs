using Microsoft.Extensions.Logging;
using PaperLsp.Protocol.JsonRpc;
using PaperLsp.Protocol.Lsp;

namespace PaperLsp.Server.Workspace;

/// <summary>
/// Server-initiated work-done progress ($/progress after window/workDoneProgress/create), for clients
/// that support it; with others every call does nothing.
/// </summary>
public sealed class WorkDone
{
    private static long _next;
    private readonly ServerSession _session;
    private readonly ProgressToken _token;

    private WorkDone(ServerSession session, ProgressToken token)
    {
        _session = session;
        _token = token;
    }

    public static async Task<WorkDone?> BeginAsync(ServerSession session, string title, string message, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Client.Window?.WorkDoneProgress != true) return null;
        var token = new ProgressToken($"paperlsp/{Interlocked.Increment(ref _next)}");
        try
        {
            await session.Connection.SendRequestAsync(Methods.WindowWorkDoneProgressCreate,
                JsonPayload.ToElement(new WorkDoneProgressCreateParams(token), LspJsonContext.Default.WorkDoneProgressCreateParams), cancel).ConfigureAwait(false);
            var progress = new WorkDone(session, token);
            await progress.SendAsync(new ProgressParams<WorkDoneProgressBegin>(token, new WorkDoneProgressBegin { Title = title, Message = message, Percentage = 0, Cancellable = false }),
                LspJsonContext.Default.ProgressParamsWorkDoneProgressBegin).ConfigureAwait(false);
            return progress;
        }
        catch (Exception e) when (e is ResponseErrorException or IOException)
        {
            session.Logger.LogDebug("The client declined progress: {Reason}", e.Message);
            return null;
        }
    }

    public Task ReportAsync(string message, int percentage) =>
        SendAsync(new ProgressParams<WorkDoneProgressReport>(_token, new WorkDoneProgressReport { Message = message, Percentage = Math.Clamp(percentage, 0, 100) }),
            LspJsonContext.Default.ProgressParamsWorkDoneProgressReport);

    public Task EndAsync(string message) =>
        SendAsync(new ProgressParams<WorkDoneProgressEnd>(_token, new WorkDoneProgressEnd { Message = message }),
            LspJsonContext.Default.ProgressParamsWorkDoneProgressEnd);

    private async Task SendAsync<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        try
        {
            await _session.Connection.SendNotificationAsync(Methods.Progress, JsonPayload.ToElement(value, type)).ConfigureAwait(false);
        }
        catch (IOException)
        {
        }
    }
}
