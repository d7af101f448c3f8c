using System.Text.Json;

namespace PaperLsp.Protocol.Lsp;

public sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext Context);

public sealed record CodeActionContext(IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string>? Only = null, CodeActionTriggerKind? TriggerKind = null);

public enum CodeActionTriggerKind
{
    Invoked = 1,
    Automatic = 2,
}

/// <summary>Hierarchical, dot-separated kinds; clients filter by prefix.</summary>
public static class CodeActionKind
{
    public const string QuickFix = "quickfix";
    public const string Refactor = "refactor";
    public const string RefactorExtract = "refactor.extract";
    public const string RefactorInline = "refactor.inline";
    public const string RefactorRewrite = "refactor.rewrite";
    public const string Source = "source";
    public const string SourceOrganizeImports = "source.organizeImports";
    public const string SourceFixAll = "source.fixAll";
}

public sealed record CodeAction
{
    public required string Title { get; init; }

    /// <summary>A <see cref="CodeActionKind"/> value.</summary>
    public string? Kind { get; init; }

    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }

    public bool? IsPreferred { get; init; }

    public CodeActionDisabled? Disabled { get; init; }

    public WorkspaceEdit? Edit { get; init; }

    public Command? Command { get; init; }

    public JsonElement? Data { get; init; }
}

public sealed record CodeActionDisabled(string Reason);

public sealed record CodeLensParams(TextDocumentIdentifier TextDocument);

public sealed record CodeLens(Range Range, Command? Command = null, JsonElement? Data = null);

public sealed record ExecuteCommandParams(string Command, IReadOnlyList<JsonElement>? Arguments = null);

/// <summary>What the client can do with code actions (the parts the server reads).</summary>
public sealed record CodeActionClientCapabilities
{
    public bool? IsPreferredSupport { get; init; }

    /// <summary>The client keeps <see cref="CodeAction.Data"/> between <c>textDocument/codeAction</c> and <c>codeAction/resolve</c>.</summary>
    public bool? DataSupport { get; init; }

    /// <summary>The properties the client can fill in lazily with <c>codeAction/resolve</c> (we resolve <c>edit</c>).</summary>
    public CodeActionResolveClientCapabilities? ResolveSupport { get; init; }
}

public sealed record CodeActionResolveClientCapabilities
{
    public IReadOnlyList<string>? Properties { get; init; }
}
