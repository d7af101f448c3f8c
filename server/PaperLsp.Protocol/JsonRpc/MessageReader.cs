using System.Buffers;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// Reads framed messages (<c>Content-Length: N\r\n\r\n</c> then N bytes of UTF-8 JSON) from a stream.
/// Chunks may split or join frames anywhere. A bad header is reported once as a
/// <see cref="ReadStatus.FramingError"/>; the next read skips to the next well-formed
/// Content-Length line and goes on from there. Not thread-safe: one reader loop per stream.
/// </summary>
public sealed class MessageReader
{
    // Bodies up to this size are read into pooled arrays; larger ones get their own, not kept by a pool.
    private const int PooledBodyLimit = 1024 * 1024;

    private readonly Stream _input;
    private readonly MessageReaderOptions _options;
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;
    private bool _inputEnded;
    private bool _resynchronizing;

    public MessageReader(Stream input, MessageReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _options = options ?? MessageReaderOptions.Default;
    }

    private int Buffered => _end - _start;

    public async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (_resynchronizing)
        {
            if (!await SkipToContentLengthLineAsync(cancellationToken).ConfigureAwait(false))
            {
                return ReadResult.End;
            }

            _resynchronizing = false;
        }

        int headerLength;
        int searched = 0;
        while ((headerLength = _buffer.AsSpan(_start + searched, Buffered - searched).IndexOf(HeaderParser.HeaderEnd)) < 0)
        {
            if (Buffered >= _options.MaxHeaderBytes)
            {
                _start++; // resynchronize after this header's first byte
                _resynchronizing = true;
                return ReadResult.Framing($"The header is longer than {_options.MaxHeaderBytes} bytes.");
            }

            searched = Math.Max(0, Buffered - (HeaderParser.HeaderEnd.Length - 1));
            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return Buffered == 0 ? ReadResult.End : ReadResult.UnexpectedEnd("The stream ended inside a message header.");
            }
        }

        headerLength += searched;
        if (headerLength > _options.MaxHeaderBytes)
        {
            _start++;
            _resynchronizing = true;
            return ReadResult.Framing($"The header is longer than {_options.MaxHeaderBytes} bytes.");
        }

        bool valid = HeaderParser.TryGetContentLength(_buffer.AsSpan(_start, headerLength), out long length, out string? problem);
        _start += headerLength + HeaderParser.HeaderEnd.Length;
        if (!valid)
        {
            _resynchronizing = true;
            return ReadResult.Framing(problem!);
        }

        if (length > _options.MaxBodyBytes)
        {
            _resynchronizing = true;
            return ReadResult.Framing($"Content-Length {length} is over the limit of {_options.MaxBodyBytes} bytes.");
        }

        return await ReadBodyAsync((int)length, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<ReadResult> ReadBodyAsync(int length, CancellationToken cancellationToken)
    {
        bool pooled = length <= PooledBodyLimit;
        // Uninitialized: the stream overwrites every byte, so zeroing a large body first is wasted work.
        byte[] body = pooled ? ArrayPool<byte>.Shared.Rent(length) : GC.AllocateUninitializedArray<byte>(length);
        try
        {
            int filled = Math.Min(length, Buffered);
            _buffer.AsSpan(_start, filled).CopyTo(body);
            _start += filled;
            while (filled < length)
            {
                int read = await _input.ReadAsync(body.AsMemory(filled, length - filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    _inputEnded = true;
                    return ReadResult.UnexpectedEnd($"The stream ended after {filled} of {length} body bytes.");
                }

                filled += read;
            }

            return MessageParser.Parse(body.AsSpan(0, length), _options.DocumentTextBytes);
        }
        finally
        {
            if (pooled)
            {
                ArrayPool<byte>.Shared.Return(body);
            }
        }
    }

    /// <summary>Discards input up to the next well-formed Content-Length line; false at end of stream.</summary>
    private async ValueTask<bool> SkipToContentLengthLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int keepFrom = FindContentLengthLine(out bool found);
            _start += keepFrom;
            if (found)
            {
                return true;
            }

            if (!await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }
    }

    /// <summary>Offset of the first Content-Length line in the buffer, or of the first byte that might still start one.</summary>
    private int FindContentLengthLine(out bool found)
    {
        var data = _buffer.AsSpan(_start, Buffered);
        int offset = 0;
        while (true)
        {
            int candidate = data[offset..].IndexOfAny((byte)'c', (byte)'C');
            if (candidate < 0)
            {
                found = false;
                return data.Length;
            }

            candidate += offset;
            switch (HeaderParser.MatchContentLengthLine(data[candidate..]))
            {
                case HeaderParser.LineMatch.Yes:
                    found = true;
                    return candidate;
                case HeaderParser.LineMatch.NeedMoreData:
                    found = false;
                    return candidate;
                default:
                    offset = candidate + 1;
                    break;
            }
        }
    }

    /// <summary>Reads more input into the buffer, compacting or growing it as needed; false at end of stream.</summary>
    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_inputEnded)
        {
            return false;
        }

        if (_end == _buffer.Length)
        {
            if (_start > 0)
            {
                _buffer.AsSpan(_start, Buffered).CopyTo(_buffer);
            }
            else
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            _end -= _start;
            _start = 0;
        }

        int read = await _input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _inputEnded = true;
            return false;
        }

        _end += read;
        return true;
    }
}
