using PaperLsp.Core.Diagnostics;

namespace PaperLsp.Core.Configuration;

/// <summary>Whether diagnostics are pushed for files that are not open (setting <c>workspace.diagnostics</c>).</summary>
public enum DiagnosticsScope
{
    OpenFiles,
    Workspace,
}

/// <summary>
/// Every setting the server and the CLI read (docs/SETTINGS.md), with its default. Immutable: a change
/// of settings is a new instance. Read from the editor (section <c>paperDigest</c>) and from a
/// <c>.paperlsp.json</c> at the workspace root by <see cref="SettingsReader"/>.
/// </summary>
public sealed record Settings
{
    // Before Default: static initialisers run in text order.
    public static IReadOnlyList<string> DefaultInclude { get; } = ["**/*.digest", "**/*.papers", "**/*.digest.md", "**/*.txt", "**/*.md"];
    public static IReadOnlyList<string> DefaultExclude { get; } = ["**/node_modules/**", "**/.git/**", "**/bin/**", "**/obj/**"];

    public static Settings Default { get; } = new();

    /// <summary>Severity per code; a null value turns the code off. Codes not named keep their default.</summary>
    public IReadOnlyDictionary<string, ProblemSeverity?> Severity { get; init; } = new Dictionary<string, ProblemSeverity?>();
    /// <summary>Severity of PD001/PD002 when every other copy is in another file (null value: off).</summary>
    public IReadOnlyDictionary<string, ProblemSeverity?> OtherFileSeverity { get; init; } = new Dictionary<string, ProblemSeverity?>();
    public double NearThreshold { get; init; } = 0.8;
    public IReadOnlyList<string> Include { get; init; } = DefaultInclude;
    public IReadOnlyList<string> Exclude { get; init; } = DefaultExclude;
    public double MaxFileSizeMB { get; init; } = 50;
    public DiagnosticsScope WorkspaceDiagnostics { get; init; } = DiagnosticsScope.OpenFiles;
    public HoverSections Hover { get; init; } = HoverSections.All;
    /// <summary>trace, debug, information, warning, error (the server's log level).</summary>
    public string? LogLevel { get; init; }

    public long MaxFileBytes => (long)Math.Clamp(MaxFileSizeMB * 1024 * 1024, 0, long.MaxValue / 2);

    /// <summary>
    /// The severity to report the problem with, or null when settings turn it off. Duplicates whose
    /// other copies are all in other files use <see cref="OtherFileSeverity"/> when it names the code.
    /// </summary>
    public ProblemSeverity? SeverityOf(Problem problem, string documentId)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Code is DiagnosticCodes.Duplicate or DiagnosticCodes.NearDuplicate
            && problem.RelatedLocations.Count > 0 && problem.RelatedLocations.All(r => r.DocumentId is not null && r.DocumentId != documentId)
            && OtherFileSeverity.TryGetValue(problem.Code, out var across))
            return across;
        return Severity.TryGetValue(problem.Code, out var chosen) ? chosen : problem.DefaultSeverity;
    }
}
