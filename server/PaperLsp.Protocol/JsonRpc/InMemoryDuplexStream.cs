using System.Threading.Channels;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// One end of an in-memory, two-way byte pipe, for tests: what one end writes the other reads.
/// Each write arrives as one chunk and a read returns at most one chunk, so a test controls
/// exactly how frames are split or joined. Disposing an end (or <see cref="CompleteWriting"/>)
/// makes the other end read end of stream after the bytes already written.
/// </summary>
public sealed class InMemoryDuplexStream : Stream
{
    private readonly ChannelReader<byte[]> _incoming;
    private readonly ChannelWriter<byte[]> _outgoing;
    private ReadOnlyMemory<byte> _chunk;

    private InMemoryDuplexStream(Channel<byte[]> incoming, Channel<byte[]> outgoing)
    {
        _incoming = incoming.Reader;
        _outgoing = outgoing.Writer;
    }

    public static (InMemoryDuplexStream First, InMemoryDuplexStream Second) CreatePair()
    {
        var firstToSecond = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
        var secondToFirst = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
        return (new InMemoryDuplexStream(secondToFirst, firstToSecond), new InMemoryDuplexStream(firstToSecond, secondToFirst));
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Ends this end's output: the peer reads end of stream once it has read everything before.</summary>
    public void CompleteWriting() => _outgoing.TryComplete();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_chunk.IsEmpty)
        {
            if (!await _incoming.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return 0;
            }

            if (_incoming.TryRead(out var next))
            {
                _chunk = next;
            }
        }

        int count = Math.Min(buffer.Length, _chunk.Length);
        _chunk[..count].CopyTo(buffer);
        _chunk = _chunk[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!buffer.IsEmpty && !_outgoing.TryWrite(buffer.ToArray()))
        {
            throw new IOException("This end of the stream has been closed for writing.");
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            CompleteWriting();
        }

        base.Dispose(disposing);
    }
}
