namespace PaperLsp.Protocol.JsonRpc;

public enum ReadStatus
{
    /// <summary>A valid message: <see cref="ReadResult.Message"/>.</summary>
    Message,

    /// <summary>
    /// Well framed, but not a valid message (invalid JSON, a batch, a malformed request). JSON-RPC
    /// wants an answer: send <see cref="ReadResult.Reply"/>, then go on reading.
    /// </summary>
    InvalidMessage,

    /// <summary>
    /// The header was unusable (missing or garbage Content-Length, header or body over the limit).
    /// The next read resynchronizes on the next Content-Length header; the bytes in between are lost.
    /// </summary>
    FramingError,

    /// <summary>The stream ended between two messages.</summary>
    EndOfStream,

    /// <summary>The stream ended inside a message.</summary>
    UnexpectedEndOfStream,
}

/// <summary>What one <see cref="MessageReader.ReadAsync"/> found.</summary>
public readonly record struct ReadResult
{
    public ReadStatus Status { get; private init; }

    public Message? Message { get; private init; }

    /// <summary>For <see cref="ReadStatus.InvalidMessage"/>: the error response the peer should get.</summary>
    public ResponseMessage? Reply { get; private init; }

    /// <summary>What went wrong, for logs; null for <see cref="ReadStatus.Message"/> and <see cref="ReadStatus.EndOfStream"/>.</summary>
    public string? Problem { get; private init; }

    internal static ReadResult Received(Message message) => new() { Status = ReadStatus.Message, Message = message };

    internal static ReadResult Invalid(RequestId? id, int code, string problem) => new()
    {
        Status = ReadStatus.InvalidMessage,
        Reply = ResponseMessage.Failure(id, code, problem),
        Problem = problem,
    };

    internal static ReadResult Framing(string problem) => new() { Status = ReadStatus.FramingError, Problem = problem };

    internal static ReadResult End { get; } = new() { Status = ReadStatus.EndOfStream };

    internal static ReadResult UnexpectedEnd(string problem) => new() { Status = ReadStatus.UnexpectedEndOfStream, Problem = problem };
}
