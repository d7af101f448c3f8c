namespace PaperLsp.Protocol.Lsp;

public sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

/// <summary>A symbol in a hierarchy (clients with <c>hierarchicalDocumentSymbolSupport</c>).</summary>
public sealed record DocumentSymbol
{
    public required string Name { get; init; }

    public string? Detail { get; init; }

    public required SymbolKind Kind { get; init; }

    public IReadOnlyList<SymbolTag>? Tags { get; init; }

    /// <summary>The whole symbol, e.g. title and abstract.</summary>
    public required Range Range { get; init; }

    /// <summary>The part to select and reveal, e.g. the title; inside <see cref="Range"/>.</summary>
    public required Range SelectionRange { get; init; }

    public IReadOnlyList<DocumentSymbol>? Children { get; init; }
}

/// <summary>A flat symbol, for workspace symbols and for clients without hierarchical support.</summary>
public sealed record SymbolInformation
{
    public required string Name { get; init; }

    public required SymbolKind Kind { get; init; }

    public IReadOnlyList<SymbolTag>? Tags { get; init; }

    public required Location Location { get; init; }

    public string? ContainerName { get; init; }
}

public sealed record WorkspaceSymbolParams(string Query);

#pragma warning disable CA1720 // String, Object, ... are the spec's names
public enum SymbolKind
{
    File = 1,
    Module = 2,
    Namespace = 3,
    Package = 4,
    Class = 5,
    Method = 6,
    Property = 7,
    Field = 8,
    Constructor = 9,
    Enum = 10,
    Interface = 11,
    Function = 12,
    Variable = 13,
    Constant = 14,
    String = 15,
    Number = 16,
    Boolean = 17,
    Array = 18,
    Object = 19,
    Key = 20,
    Null = 21,
    EnumMember = 22,
    Struct = 23,
    Event = 24,
    Operator = 25,
    TypeParameter = 26,
}
#pragma warning restore CA1720

public enum SymbolTag
{
    Deprecated = 1,
}
