using PaperLsp.Core.Configuration;
using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Workspace;
using PaperLsp.Protocol.Lsp;
using PaperLsp.Server.Text;

namespace PaperLsp.Server.Diagnostics;

/// <summary>Problems become LSP diagnostics here, and only here: positions, severities, codes, links.</summary>
public static class DiagnosticMapper
{
    public const string Source = "paperlsp";

    /// <summary>The document's diagnostics, with the severities <paramref name="settings"/> give (codes turned off are left out).</summary>
    public static List<Diagnostic> Map(WorkspaceSnapshot workspace, string uri, bool utf8, Settings? settings = null)
    {
        settings ??= Settings.Default;
        ArgumentNullException.ThrowIfNull(workspace);
        var doc = workspace.Get(uri) ?? throw new ArgumentException($"unknown document {uri}", nameof(uri));
        var mapper = new PositionMapper(doc.Text, doc.Lines, utf8);
        var result = new List<Diagnostic>();
        foreach (var problem in workspace.ProblemsOf(uri))
        {
            if (settings.SeverityOf(problem, uri) is not { } severity) continue;
            result.Add(new Diagnostic
            {
                Range = mapper.ToRange(problem.Span),
                Severity = (DiagnosticSeverity)(int)severity,
                Code = problem.Code,
                CodeDescription = new CodeDescription(DiagnosticCodes.DocumentationUrl(problem.Code)),
                Source = Source,
                Message = problem.Message,
                RelatedInformation = problem.RelatedLocations.Count == 0 ? null
                    : problem.RelatedLocations.Select(r => Related(workspace, uri, r, utf8)).OfType<DiagnosticRelatedInformation>().ToList(),
            });
        }
        return result;
    }

    private static DiagnosticRelatedInformation? Related(WorkspaceSnapshot workspace, string uri, RelatedLocation related, bool utf8)
    {
        string target = related.DocumentId ?? uri;
        DigestDocument? doc = workspace.Get(target);
        if (doc is null) return null;
        var range = new PositionMapper(doc.Text, doc.Lines, utf8).ToRange(related.Span);
        return new DiagnosticRelatedInformation(new Location(target, range), related.Message);
    }

    /// <summary>
    /// Equal for equal diagnostics (within this process): the pull result id, and how the publisher
    /// knows a document's diagnostics did not change. Duplicates can change without an edit to the
    /// document itself, so this hashes the content, not the version.
    /// </summary>
    public static string Fingerprint(List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var hash = new HashCode();
        foreach (var d in diagnostics)
        {
            hash.Add(d.Range);
            hash.Add(d.Severity);
            hash.Add(d.Code);
            hash.Add(d.Message);
        }
        return hash.ToHashCode().ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + "-" + diagnostics.Count;
    }
}
