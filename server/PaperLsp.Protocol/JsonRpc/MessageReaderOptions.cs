namespace PaperLsp.Protocol.JsonRpc;

public sealed record MessageReaderOptions
{
    public static MessageReaderOptions Default { get; } = new();

    /// <summary>A header section (everything before the blank line) longer than this is a framing error.</summary>
    public int MaxHeaderBytes { get; init; } = 64 * 1024;

    /// <summary>A Content-Length above this is a framing error; nothing of that size is allocated.</summary>
    public int MaxBodyBytes { get; init; } = 256 * 1024 * 1024;

    /// <summary>
    /// A didOpen or didChange whose text is the only string at least this long in its message has the text
    /// decoded straight from the body (see <see cref="DocumentTextLifter"/>); smaller ones are not worth it.
    /// </summary>
    public int DocumentTextBytes { get; init; } = 64 * 1024;
}
