using System.Text.Json;

namespace PaperLsp.Protocol.Lsp;

public sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position, CompletionContext? Context = null);

public sealed record CompletionContext(CompletionTriggerKind TriggerKind, string? TriggerCharacter = null);

public enum CompletionTriggerKind
{
    Invoked = 1,
    TriggerCharacter = 2,
    TriggerForIncompleteCompletions = 3,
}

public sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items);

public sealed record CompletionItem
{
    public required string Label { get; init; }

    public CompletionItemKind? Kind { get; init; }

    public string? Detail { get; init; }

    public MarkupContent? Documentation { get; init; }

    public string? SortText { get; init; }

    public string? FilterText { get; init; }

    public string? InsertText { get; init; }

    public InsertTextFormat? InsertTextFormat { get; init; }

    public TextEdit? TextEdit { get; init; }

    public IReadOnlyList<TextEdit>? AdditionalTextEdits { get; init; }

    public IReadOnlyList<string>? CommitCharacters { get; init; }

    public Command? Command { get; init; }

    public JsonElement? Data { get; init; }
}

public enum InsertTextFormat
{
    PlainText = 1,
    Snippet = 2,
}

public enum CompletionItemKind
{
    Text = 1,
    Method = 2,
    Function = 3,
    Constructor = 4,
    Field = 5,
    Variable = 6,
    Class = 7,
    Interface = 8,
    Module = 9,
    Property = 10,
    Unit = 11,
    Value = 12,
    Enum = 13,
    Keyword = 14,
    Snippet = 15,
    Color = 16,
    File = 17,
    Reference = 18,
    Folder = 19,
    EnumMember = 20,
    Constant = 21,
    Struct = 22,
    Event = 23,
    Operator = 24,
    TypeParameter = 25,
}
