using PaperLsp.Core.Configuration;
using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;
using PaperLsp.Core.Syntax;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Cli;

/// <summary>`paperlsp check PATH…`: every problem of every digest, duplicates across all of them.</summary>
internal static class CheckCommand
{
    public static int Run(List<string> paths, bool json, CliOutput output)
    {
        var errors = new List<string>();
        var notes = new List<string>();
        var settings = CliSettings.Load(paths, output);
        var files = InputFiles.Discover(paths, settings, errors, notes);
        using var memory = BatchMemory.PutOffCollections(files.Sum(InputFiles.Size));
        var documents = new List<(string Id, DigestDocument Document)>();
        foreach (var path in files)
        {
            var loaded = InputFiles.Load(path);
            if (loaded.Error is not null) errors.Add(loaded.Error);
            else documents.Add((DisplayPath(path), DigestParser.Parse(loaded.Text!, path)));
        }
        foreach (var e in errors.Concat(notes)) output.Error(e);
        if (documents.Count == 0 && errors.Count == 0)
        {
            output.Error($"no digests found under {string.Join(' ', paths)}");
            return CommandLine.Usage;
        }

        var snapshot = new WorkspaceSnapshot(documents, new Core.Duplicates.DuplicateIndex(settings.NearThreshold));
        var reports = documents.Select(d => new FileReport(d.Id, d.Document, Findings(snapshot, d.Id, settings))).ToList();
        if (json) output.Raw(JsonReport.Render(reports, snapshot));
        else WriteText(reports, snapshot, output);

        if (errors.Count > 0) return CommandLine.Usage;
        bool findings = reports.Any(r => r.Findings.Any(f => f.Severity <= ProblemSeverity.Warning));
        return findings ? CommandLine.Findings : CommandLine.Clean;
    }

    private static void WriteText(List<FileReport> reports, WorkspaceSnapshot snapshot, CliOutput output)
    {
        foreach (var report in reports)
            foreach (var (p, severity) in report.Findings)
            {
                var pos = report.Document.Lines.GetPosition(p.Span.Start);
                output.Line($"{report.Path}:{pos.Line + 1}:{pos.Character + 1}: {Severity(severity)} {p.Code}: {p.Message}");
            }
        output.Line(Summary(reports, snapshot));
    }

    public static string Summary(List<FileReport> reports, WorkspaceSnapshot snapshot)
    {
        int papers = reports.Sum(r => r.Document.Papers.Count);
        int shared = snapshot.PapersInSeveralDocuments();
        var parts = new List<string> { Quantity.Of(reports.Count, "file"), Quantity.Of(papers, "paper") };
        if (reports.Count > 1)
            parts.Add(shared == 0 ? "no paper appears in more than one file" : $"{Quantity.Of(shared, "paper")} {(shared == 1 ? "appears" : "appear")} in more than one file");
        var counts = reports.SelectMany(r => r.Findings).GroupBy(f => f.Severity).OrderBy(g => g.Key)
            .Select(g => Quantity.Of(g.Count(), g.Key == ProblemSeverity.Information ? "notice" : Severity(g.Key)));
        string found = string.Join(", ", counts);
        return string.Join(", ", parts) + (found.Length == 0 ? "; no problems" : "; " + found);
    }

    public static string Severity(ProblemSeverity s) => s switch
    {
        ProblemSeverity.Error => "error",
        ProblemSeverity.Warning => "warning",
        ProblemSeverity.Information => "info",
        _ => "hint",
    };

    /// <summary>The problems the settings keep, with the severity they give.</summary>
    private static List<Finding> Findings(WorkspaceSnapshot snapshot, string id, Settings settings) =>
        snapshot.ProblemsOf(id).Select(p => (p, settings.SeverityOf(p, id))).Where(x => x.Item2 is not null)
            .Select(x => new Finding(x.p, x.Item2!.Value)).ToList();

    /// <summary>Paths as the user typed them (relative stays relative), with '/' separators.</summary>
    private static string DisplayPath(string path) => path.Replace('\\', '/');
}

internal sealed record Finding(Problem Problem, ProblemSeverity Severity);

internal sealed record FileReport(string Path, DigestDocument Document, IReadOnlyList<Finding> Findings);
