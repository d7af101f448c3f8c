namespace PaperLsp.Protocol.Lsp;

public enum MessageType
{
    Error = 1,
    Warning = 2,
    Info = 3,
    Log = 4,
    Debug = 5,
}

public sealed record LogMessageParams(MessageType Type, string Message);

public sealed record ShowMessageParams(MessageType Type, string Message);

public sealed record ShowDocumentParams
{
    public required string Uri { get; init; }

    /// <summary>Open in an external program (for example a web page in the browser).</summary>
    public bool? External { get; init; }

    public bool? TakeFocus { get; init; }

    public Range? Selection { get; init; }
}

public sealed record ShowDocumentResult(bool Success);
