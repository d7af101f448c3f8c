using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaperLsp.Protocol.Lsp;

/// <summary>Written by hand, read by the generator: see <see cref="DiagnosticJsonConverter"/>.</summary>
[JsonConverter(typeof(DiagnosticJsonConverter))]
public sealed record Diagnostic
{
    public required Range Range { get; init; }

    public DiagnosticSeverity? Severity { get; init; }

    /// <summary>Our codes are strings (<c>PD001</c>); a number code from a client reads as its digits.</summary>
    [JsonConverter(typeof(IntegerOrStringAsStringConverter))]
    public string? Code { get; init; }

    public CodeDescription? CodeDescription { get; init; }

    public string? Source { get; init; }

    public required string Message { get; init; }

    public IReadOnlyList<DiagnosticTag>? Tags { get; init; }

    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }

    /// <summary>Kept by the client and sent back in code action requests.</summary>
    public JsonElement? Data { get; init; }
}

public enum DiagnosticSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}

public enum DiagnosticTag
{
    Unnecessary = 1,
    Deprecated = 2,
}

public sealed record CodeDescription(string Href);

public sealed record DiagnosticRelatedInformation(Location Location, string Message);

public sealed record PublishDiagnosticsParams(string Uri, IReadOnlyList<Diagnostic> Diagnostics, int? Version = null);

public sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument, string? Identifier = null, string? PreviousResultId = null);

public static class DocumentDiagnosticReportKind
{
    public const string Full = "full";
    public const string Unchanged = "unchanged";
}

/// <summary>
/// The answer to <c>textDocument/diagnostic</c>: every diagnostic (<c>full</c>), or "same as
/// <see cref="ResultId"/>" (<c>unchanged</c>). One record for the spec's two, told apart by <see cref="Kind"/>.
/// </summary>
public sealed record DocumentDiagnosticReport
{
    public required string Kind { get; init; }

    public string? ResultId { get; init; }

    public IReadOnlyList<Diagnostic>? Items { get; init; }

    public static DocumentDiagnosticReport Full(IReadOnlyList<Diagnostic> items, string? resultId = null) =>
        new() { Kind = DocumentDiagnosticReportKind.Full, Items = items, ResultId = resultId };

    public static DocumentDiagnosticReport Unchanged(string resultId) =>
        new() { Kind = DocumentDiagnosticReportKind.Unchanged, ResultId = resultId };
}

public sealed record WorkspaceDiagnosticParams(IReadOnlyList<PreviousResultId> PreviousResultIds, string? Identifier = null);

public sealed record PreviousResultId(string Uri, string Value);

public sealed record WorkspaceDiagnosticReport(IReadOnlyList<WorkspaceDocumentDiagnosticReport> Items);

/// <summary>One document's part of a <see cref="WorkspaceDiagnosticReport"/>; <see cref="Kind"/> as in <see cref="DocumentDiagnosticReport"/>.</summary>
public sealed record WorkspaceDocumentDiagnosticReport
{
    public required string Kind { get; init; }

    public required string Uri { get; init; }

    /// <summary>The open document's version, or null for a document that is not open (written as <c>null</c>: the member is required).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required int? Version { get; init; }

    public string? ResultId { get; init; }

    public IReadOnlyList<Diagnostic>? Items { get; init; }

    public static WorkspaceDocumentDiagnosticReport Full(string uri, int? version, IReadOnlyList<Diagnostic> items, string? resultId = null) =>
        new() { Kind = DocumentDiagnosticReportKind.Full, Uri = uri, Version = version, Items = items, ResultId = resultId };

    public static WorkspaceDocumentDiagnosticReport Unchanged(string uri, int? version, string resultId) =>
        new() { Kind = DocumentDiagnosticReportKind.Unchanged, Uri = uri, Version = version, ResultId = resultId };
}
