using System.Collections.Concurrent;
using PaperLsp.Core.Configuration;
using PaperLsp.Core.Diagnostics;
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
        var problems = workspace.ProblemsOf(uri);
        var result = new List<Diagnostic>(problems.Count);
        int hint = -1; // problems come in text order
        for (int i = 0; i < problems.Count; i++)
        {
            var problem = problems[i];
            if (settings.SeverityOf(problem, uri) is not { } severity) continue;
            var related = problem.RelatedLocations;
            result.Add(new Diagnostic
            {
                Range = mapper.ToRange(problem.Span, ref hint),
                Severity = (DiagnosticSeverity)(int)severity,
                Code = problem.Code,
                CodeDescription = DescriptionOf(problem.Code),
                Source = Source,
                Message = problem.Message,
                RelatedInformation = related.Count == 0 ? null : Related(workspace, uri, mapper, related, utf8),
            });
        }
        return result;
    }

    // Records are immutable, so every diagnostic of a code can share its link.
    private static readonly ConcurrentDictionary<string, CodeDescription> Descriptions = new(StringComparer.Ordinal);

    private static CodeDescription DescriptionOf(string code) =>
        Descriptions.GetOrAdd(code, static c => new CodeDescription(DiagnosticCodes.DocumentationUrl(c)));

    /// <summary>The related locations that still name a document of the workspace (possibly none).</summary>
    private static List<DiagnosticRelatedInformation> Related(WorkspaceSnapshot workspace, string uri, PositionMapper home, IReadOnlyList<RelatedLocation> related, bool utf8)
    {
        var result = new List<DiagnosticRelatedInformation>(related.Count);
        for (int i = 0; i < related.Count; i++)
        {
            var r = related[i];
            string target = r.DocumentId ?? uri;
            PositionMapper mapper;
            if (target == uri) mapper = home;
            else if (workspace.Get(target) is { } doc) mapper = new PositionMapper(doc.Text, doc.Lines, utf8);
            else continue;
            result.Add(new DiagnosticRelatedInformation(new Location(target, mapper.ToRange(r.Span)), r.Message));
        }
        return result;
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
