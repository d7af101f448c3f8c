namespace PaperLsp.Protocol.Lsp;

public sealed record FoldingRangeParams(TextDocumentIdentifier TextDocument);

public sealed record FoldingRange
{
    public required int StartLine { get; init; }

    public int? StartCharacter { get; init; }

    public required int EndLine { get; init; }

    public int? EndCharacter { get; init; }

    /// <summary>A <see cref="FoldingRangeKind"/> value.</summary>
    public string? Kind { get; init; }

    public string? CollapsedText { get; init; }
}

public static class FoldingRangeKind
{
    public const string Comment = "comment";
    public const string Imports = "imports";
    public const string Region = "region";
}

public sealed record SelectionRangeParams(TextDocumentIdentifier TextDocument, IReadOnlyList<Position> Positions);

/// <summary>A range and the ranges that contain it, innermost first.</summary>
public sealed record SelectionRange(Range Range, SelectionRange? Parent = null);
