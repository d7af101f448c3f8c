namespace PaperLsp.Core.Diagnostics;

/// <summary>One rule: its stable code, a short name, and the severity it has unless settings say otherwise.</summary>
public sealed record DiagnosticRule(string Code, string Name, ProblemSeverity DefaultSeverity);

/// <summary>The stable codes, documented in docs/DIAGNOSTICS.md. Never renumber.</summary>
public static class DiagnosticCodes
{
    public const string Duplicate = "PD001";
    public const string NearDuplicate = "PD002";
    public const string GluedBoilerplate = "PD003";
    public const string MissingAbstract = "PD004";
    public const string SplitAbstract = "PD005";
    public const string DamagedUrl = "PD006";
    public const string TruncatedAbstract = "PD007";
    public const string LeftoverLatex = "PD008";
    public const string BoilerplateInList = "PD009";

    public const string DocumentationBase = "https://github.com/paperlsp/paperlsp/blob/main/docs/DIAGNOSTICS.md#";

    public static readonly IReadOnlyList<DiagnosticRule> All =
    [
        new(Duplicate, "duplicate-paper", ProblemSeverity.Warning),
        new(NearDuplicate, "near-duplicate", ProblemSeverity.Information),
        new(GluedBoilerplate, "glued-boilerplate", ProblemSeverity.Warning),
        new(MissingAbstract, "title-without-abstract", ProblemSeverity.Warning),
        new(SplitAbstract, "abstract-split-from-title", ProblemSeverity.Warning),
        new(DamagedUrl, "damaged-url", ProblemSeverity.Warning),
        new(TruncatedAbstract, "truncated-abstract", ProblemSeverity.Information),
        new(LeftoverLatex, "leftover-latex", ProblemSeverity.Hint),
        new(BoilerplateInList, "boilerplate-in-list", ProblemSeverity.Warning),
    ];

    public static DiagnosticRule Rule(string code) =>
        All.FirstOrDefault(r => r.Code == code) ?? throw new ArgumentException($"unknown code {code}", nameof(code));

    public static string DocumentationUrl(string code) => DocumentationBase + code.ToLowerInvariant();
}
