namespace PaperLsp.Protocol.JsonRpc;

public sealed record ConnectionOptions
{
    public static ConnectionOptions Default { get; } = new();

    public MessageReaderOptions Reader { get; init; } = MessageReaderOptions.Default;

    /// <summary>How many cancellations that arrived before their request are remembered.</summary>
    public int RememberedEarlyCancellations { get; init; } = 1024;
}
