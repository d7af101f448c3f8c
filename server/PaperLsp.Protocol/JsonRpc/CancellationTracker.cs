namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// The cancellation state of incoming requests. A <c>$/cancelRequest</c> may overtake its request
/// (the client cancels while the request still waits in a buffer), so a cancellation for an id
/// not yet seen is remembered, for the last <c>capacity</c> such ids, and the request is refused
/// when it arrives. Ids are unique within a session, so remembering a finished id is harmless.
/// </summary>
public sealed class CancellationTracker : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<RequestId, CancellationTokenSource> _running = [];
    private readonly HashSet<RequestId> _cancelledEarly = [];
    private readonly Queue<RequestId> _cancelledEarlyOrder = new();
    private readonly int _capacity;

    public CancellationTracker(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>
    /// Starts tracking a request. False when its cancellation arrived first: answer RequestCancelled
    /// without running it. A duplicate id of a running request (a client bug) gets a token that is never cancelled.
    /// </summary>
    public bool TryBegin(RequestId id, out CancellationToken token)
    {
        lock (_lock)
        {
            if (_cancelledEarly.Remove(id))
            {
                token = new CancellationToken(canceled: true);
                return false;
            }

            var source = new CancellationTokenSource();
            if (!_running.TryAdd(id, source))
            {
                source.Dispose();
                token = CancellationToken.None;
                return true;
            }

            token = source.Token;
            return true;
        }
    }

    /// <summary>Cancels a running request, or remembers the id if the request has not arrived.</summary>
    public void Cancel(RequestId id)
    {
        lock (_lock)
        {
            if (_running.TryGetValue(id, out var source))
            {
                source.Cancel();
                return;
            }

            if (_cancelledEarly.Add(id))
            {
                _cancelledEarlyOrder.Enqueue(id);
                while (_cancelledEarlyOrder.Count > _capacity)
                {
                    _cancelledEarly.Remove(_cancelledEarlyOrder.Dequeue());
                }
            }
        }
    }

    /// <summary>Stops tracking a request that has been answered.</summary>
    public void End(RequestId id)
    {
        lock (_lock)
        {
            if (_running.Remove(id, out var source))
            {
                source.Dispose();
            }
        }
    }

    /// <summary>Cancels every running request, as when the connection closes.</summary>
    public void CancelAll()
    {
        lock (_lock)
        {
            foreach (var source in _running.Values)
            {
                source.Cancel();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var source in _running.Values)
            {
                source.Dispose();
            }

            _running.Clear();
        }
    }
}
