namespace PaperLsp.Core.Diagnostics;

/// <summary>Same order and meaning as LSP's DiagnosticSeverity (1 = error).</summary>
public enum ProblemSeverity
{
    Error = 1,
    Warning = 2,
    Information = 3,
    Hint = 4,
}
