using PaperLsp.Protocol.JsonRpc;

namespace PaperLsp.Protocol.Tests.Support;

/// <summary>A connection under test, with the test on the other end writing raw bytes and reading raw messages.</summary>
internal sealed class RawPeer : IAsyncDisposable
{
    private readonly InMemoryDuplexStream _stream;
    private readonly InMemoryDuplexStream _connectionStream;
    private readonly MessageReader _reader;

    public RawPeer(IMessageHandler handler, ConnectionOptions? options = null)
    {
        (_stream, _connectionStream) = InMemoryDuplexStream.CreatePair();
        _reader = new MessageReader(_stream);
        Connection = new Connection(_connectionStream, _connectionStream, options, Logger);
        Running = Connection.RunAsync(handler);
    }

    public Connection Connection { get; }

    public Task Running { get; }

    public ListLogger Logger { get; } = new();

    public void Send(string json) => _stream.Write(Frames.Frame(json));

    public void SendBytes(byte[] bytes) => _stream.Write(bytes);

    public async Task<Message> ReadAsync()
    {
        var result = await _reader.ReadAsync().AsTask().WaitAsync(Frames.TestTimeout);
        Assert.That(result.Status, Is.EqualTo(ReadStatus.Message), result.Problem);
        return result.Message!;
    }

    public async Task<string> ReadDescribedAsync() => Frames.Describe(await ReadAsync());

    /// <summary>Ends the connection's input, as a client exiting would.</summary>
    public void CloseInput() => _stream.CompleteWriting();

    public async ValueTask DisposeAsync()
    {
        CloseInput();
        await Running.WaitAsync(Frames.TestTimeout);
        Connection.Dispose();
        await _stream.DisposeAsync();
        await _connectionStream.DisposeAsync();
    }
}
