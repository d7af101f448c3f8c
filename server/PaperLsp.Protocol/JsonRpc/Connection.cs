using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// One JSON-RPC endpoint over a pair of streams: <see cref="RunAsync"/> reads and dispatches incoming
/// messages to an <see cref="IMessageHandler"/> and answers its requests; the Send methods write to
/// the peer from any thread. Ill-formed input is answered or logged, never fatal; the connection ends
/// when the input ends.
/// </summary>
public sealed class Connection : IDisposable
{
    private readonly MessageReader _reader;
    private readonly MessageWriter _writer;
    private readonly CancellationTracker _incoming;
    private readonly ConcurrentDictionary<RequestId, TaskCompletionSource<JsonElement>> _outgoing = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly ILogger _logger;
    private long _lastOutgoingId;
    private int _started;
    private volatile bool _closed;

    public Connection(Stream input, Stream output, ConnectionOptions? options = null, ILogger? logger = null)
    {
        options ??= ConnectionOptions.Default;
        _reader = new MessageReader(input, options.Reader);
        _writer = new MessageWriter(output);
        _incoming = new CancellationTracker(options.RememberedEarlyCancellations);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Reads and dispatches messages until the input ends. Call once.</summary>
    public async Task RunAsync(IMessageHandler handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("The connection is already running.");
        }

        try
        {
            while (true)
            {
                var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                switch (result.Status)
                {
                    case ReadStatus.Message:
                        Dispatch(result.Message!, handler);
                        break;
                    case ReadStatus.InvalidMessage:
                        _logger.LogWarning("Invalid message: {Problem}", result.Problem);
                        await SendOrLogAsync(result.Reply!).ConfigureAwait(false);
                        break;
                    case ReadStatus.FramingError:
                        _logger.LogWarning("Framing error, skipping to the next header: {Problem}", result.Problem);
                        break;
                    case ReadStatus.UnexpectedEndOfStream:
                        _logger.LogWarning("Input ended: {Problem}", result.Problem);
                        return;
                    default:
                        return;
                }
            }
        }
        finally
        {
            Close();
        }
    }

    /// <summary>
    /// Sends a request and waits for its result (JSON null included). An error response throws
    /// <see cref="ResponseErrorException"/>. Cancelling sends <c>$/cancelRequest</c> and cancels the
    /// task at once; a late response is then ignored. If the connection closes first, throws <see cref="IOException"/>.
    /// </summary>
    public async Task<JsonElement> SendRequestAsync(string method, JsonElement? parameters, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var id = new RequestId(Interlocked.Increment(ref _lastOutgoingId));
        var response = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _outgoing[id] = response;
        if (_closed)
        {
            FailOutgoing();
        }

        try
        {
            await _writer.WriteAsync(new RequestMessage(id, method, parameters), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _outgoing.TryRemove(id, out _);
            throw;
        }

        using (cancellationToken.Register(() => CancelOutgoing(id, cancellationToken)))
        {
            return await response.Task.ConfigureAwait(false);
        }
    }

    public Task SendNotificationAsync(string method, JsonElement? parameters, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(new NotificationMessage(method, parameters), cancellationToken);

    /// <summary>Sends any message as is, for example a response to a request answered outside the handler.</summary>
    public Task SendAsync(Message message, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(message, cancellationToken);

    public void Dispose()
    {
        _writer.Dispose();
        _incoming.Dispose();
        _closing.Dispose();
    }

    private void Dispatch(Message message, IMessageHandler handler)
    {
        switch (message)
        {
            case RequestMessage request:
                StartRequest(request, handler);
                break;
            case NotificationMessage { Method: CancelRequest.Method } cancel:
                if (CancelRequest.TryReadId(cancel.Params, out var id))
                {
                    _incoming.Cancel(id);
                }
                else
                {
                    _logger.LogWarning("Ignoring $/cancelRequest without a valid id.");
                }

                break;
            case NotificationMessage notification:
                _ = RunNotificationAsync(notification, handler);
                break;
            case ResponseMessage response:
                Complete(response);
                break;
        }
    }

    private void StartRequest(RequestMessage request, IMessageHandler handler)
    {
        if (!_incoming.TryBegin(request.Id, out var token))
        {
            _ = SendOrLogAsync(ResponseMessage.Failure(request.Id, ErrorCodes.RequestCancelled, "The request was cancelled before it started."));
            return;
        }

        ValueTask<JsonResult?> pending;
        try
        {
            pending = handler.HandleRequestAsync(request, token);
        }
        catch (Exception e)
        {
            pending = ValueTask.FromException<JsonResult?>(e);
        }

        _ = AnswerAsync(request, pending, token);
    }

    private async Task AnswerAsync(RequestMessage request, ValueTask<JsonResult?> pending, CancellationToken token)
    {
        ResponseMessage response;
        try
        {
            response = ResponseMessage.Success(request.Id, await pending.ConfigureAwait(false));
        }
        catch (ResponseErrorException e)
        {
            response = ResponseMessage.Failure(request.Id, e.Error);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            response = ResponseMessage.Failure(request.Id, ErrorCodes.RequestCancelled, "The request was cancelled.");
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Request {Method} {Id} failed.", request.Method, request.Id);
            response = ResponseMessage.Failure(request.Id, ErrorCodes.InternalError, $"{request.Method} failed: {e.Message}");
        }
        finally
        {
            _incoming.End(request.Id);
        }

        if (response.Outgoing is { IsDefined: false })
        {
            // default(JsonElement) cannot be written; without this the peer would wait forever.
            _logger.LogError("Request {Method} {Id} returned an undefined JsonElement.", request.Method, request.Id);
            response = ResponseMessage.Failure(request.Id, ErrorCodes.InternalError, $"{request.Method} returned no value.");
        }

        await SendOrLogAsync(response).ConfigureAwait(false);
    }

    private async Task RunNotificationAsync(NotificationMessage notification, IMessageHandler handler)
    {
        try
        {
            await handler.HandleNotificationAsync(notification, _closing.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Notification {Method} failed.", notification.Method);
        }
    }

    private void Complete(ResponseMessage response)
    {
        if (response.Id is not { } id || !_outgoing.TryRemove(id, out var pending))
        {
            _logger.LogWarning("Ignoring a response to unknown request {Id}: {Error}",
                response.Id?.ToString() ?? "null", response.Error?.Message ?? "success");
            return;
        }

        if (response.Error is { } error)
        {
            pending.TrySetException(new ResponseErrorException(error));
        }
        else
        {
            pending.TrySetResult(response.Result ?? JsonPayload.Null);
        }
    }

    private void CancelOutgoing(RequestId id, CancellationToken cancellationToken)
    {
        if (_outgoing.TryRemove(id, out var pending))
        {
            pending.TrySetCanceled(cancellationToken);
            _ = SendOrLogAsync(new NotificationMessage(CancelRequest.Method, CancelRequest.ParamsFor(id)));
        }
    }

    private void Close()
    {
        _closed = true;
        _closing.Cancel();
        _incoming.CancelAll();
        FailOutgoing();
    }

    private void FailOutgoing()
    {
        foreach (var id in _outgoing.Keys)
        {
            if (_outgoing.TryRemove(id, out var pending))
            {
                pending.TrySetException(new IOException("The connection closed before the response arrived."));
            }
        }
    }

    private async Task SendOrLogAsync(Message message)
    {
        try
        {
            await _writer.WriteAsync(message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _logger.LogWarning(e, "Could not send {Message}.", message.GetType().Name);
        }
    }
}
