using System.Text.Json;
using PaperLsp.Core.Configuration;
using PaperLsp.Core.Diagnostics;

namespace PaperLsp.Core.Tests.WorkspaceFiles;

public class SettingsReaderTests
{
    private static (Settings Settings, List<string> Warnings) Read(string json, Settings? basis = null)
    {
        var warnings = new List<string>();
        return (SettingsReader.Apply(basis ?? Settings.Default, JsonElement.Parse(json), warnings), warnings);
    }

    [Test]
    public void Reads_the_editor_section_nested_or_dotted()
    {
        var (nested, w1) = Read("""{"paperDigest":{"duplicates":{"nearThreshold":0.9},"workspace":{"diagnostics":"workspace","maxFileSizeMB":2}}}""");
        var (dotted, w2) = Read("""{"duplicates.nearThreshold":0.9,"workspace.diagnostics":"workspace","workspace.maxFileSizeMB":2}""");
        foreach (var s in new[] { nested, dotted })
        {
            Assert.That(s.NearThreshold, Is.EqualTo(0.9));
            Assert.That(s.WorkspaceDiagnostics, Is.EqualTo(DiagnosticsScope.Workspace));
            Assert.That(s.MaxFileBytes, Is.EqualTo(2 * 1024 * 1024));
        }
        Assert.That(w1.Concat(w2), Is.Empty);
    }

    [Test]
    public void Severity_per_code_with_off_and_across_files()
    {
        var (s, warnings) = Read("""{"diagnostics":{"severity":{"PD008":"off","pd004":"hint"}},"duplicates":{"otherFileSeverity":{"PD001":"information"}}}""");
        Assert.That(warnings, Is.Empty);
        var latex = new Problem(DiagnosticCodes.LeftoverLatex, default, "x");
        var missing = new Problem(DiagnosticCodes.MissingAbstract, default, "x");
        var elsewhere = new Problem(DiagnosticCodes.Duplicate, default, "x", [new RelatedLocation("b.digest", default, "copy")]);
        var here = new Problem(DiagnosticCodes.Duplicate, default, "x", [new RelatedLocation("b.digest", default, "copy"), new RelatedLocation("a.digest", default, "copy")]);
        Assert.That(s.SeverityOf(latex, "a.digest"), Is.Null);
        Assert.That(s.SeverityOf(missing, "a.digest"), Is.EqualTo(ProblemSeverity.Hint));
        Assert.That(s.SeverityOf(elsewhere, "a.digest"), Is.EqualTo(ProblemSeverity.Information));
        Assert.That(s.SeverityOf(here, "a.digest"), Is.EqualTo(ProblemSeverity.Warning), "a copy in the same file keeps the rule's severity");
    }

    [Test]
    public void Bad_values_are_skipped_with_a_warning_and_the_rest_is_read()
    {
        var (s, warnings) = Read("""{"duplicates":{"nearThreshold":7},"workspace":{"include":"*.txt","exclude":["**/scratch/**"]},"hover":{"sections":["tldr","nonsense"]},"diagnostics":{"severity":{"PD999":"error","PD001":"loud"}},"what":1}""");
        Assert.That(s.NearThreshold, Is.EqualTo(0.8));
        Assert.That(s.Include, Is.EqualTo(Settings.DefaultInclude));
        Assert.That(s.Exclude, Is.EqualTo(new[] { "**/scratch/**" }));
        Assert.That(s.Hover, Is.EqualTo(HoverSections.Tldr));
        Assert.That(s.Severity, Is.Empty);
        Assert.That(warnings, Has.Count.EqualTo(6));
        Assert.That(warnings, Has.Some.Contains("PD999"));
    }

    [Test]
    public void A_later_source_overrides_only_what_it_names()
    {
        var (editor, _) = Read("""{"duplicates":{"nearThreshold":0.9},"diagnostics":{"severity":{"PD008":"off"}}}""");
        var (project, _) = Read("""{"diagnostics":{"severity":{"PD004":"error"}}}""", editor);
        Assert.That(project.NearThreshold, Is.EqualTo(0.9));
        Assert.That(project.Severity.Keys, Is.EquivalentTo(new[] { "PD008", "PD004" }));
    }
}
