using System.Globalization;
using System.Text;

namespace PaperLsp.Protocol.JsonRpc;

/// <summary>
/// Writes framed messages to a stream. Safe to call from any thread: frames never interleave.
/// It should be the only thing that writes to its stream.
/// </summary>
public sealed class MessageWriter : IDisposable
{
    private readonly Stream _output;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public MessageWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Writes one frame. <paramref name="cancellationToken"/> cancels only the wait for the stream.</summary>
    public async Task WriteAsync(Message message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = MessageSerializer.Serialize(message);
        byte[] header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n\r\n"));

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Not cancellable once started: half a frame would break the framing of every later message.
            await _output.WriteAsync(header, CancellationToken.None).ConfigureAwait(false);
            await _output.WriteAsync(body, CancellationToken.None).ConfigureAwait(false);
            await _output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
