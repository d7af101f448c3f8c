namespace PaperLsp.Protocol.Lsp;

public sealed record WorkDoneProgressCreateParams(ProgressToken Token);

/// <summary>The params of <c>$/progress</c>; <typeparamref name="T"/> is one of the WorkDoneProgress records.</summary>
public sealed record ProgressParams<T>(ProgressToken Token, T Value);

public sealed record WorkDoneProgressBegin
{
    public string Kind { get; } = "begin";

    public required string Title { get; init; }

    public bool? Cancellable { get; init; }

    public string? Message { get; init; }

    /// <summary>0 to 100.</summary>
    public int? Percentage { get; init; }
}

public sealed record WorkDoneProgressReport
{
    public string Kind { get; } = "report";

    public bool? Cancellable { get; init; }

    public string? Message { get; init; }

    public int? Percentage { get; init; }
}

public sealed record WorkDoneProgressEnd
{
    public string Kind { get; } = "end";

    public string? Message { get; init; }
}
