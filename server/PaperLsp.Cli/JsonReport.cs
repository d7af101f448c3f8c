using System.Text;
using System.Text.Json;
using PaperLsp.Core.Model;
using PaperLsp.Core.Text;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Cli;

/// <summary>`--format json`: one document, per file its path, paper count and diagnostics (1-based ranges).</summary>
internal static class JsonReport
{
    public static string Render(List<FileReport> reports, WorkspaceSnapshot snapshot)
    {
        var byPath = reports.ToDictionary(r => r.Path, r => r.Document, StringComparer.Ordinal);
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("summary", CheckCommand.Summary(reports, snapshot));
            w.WriteStartArray("files");
            foreach (var r in reports)
            {
                w.WriteStartObject();
                w.WriteString("path", r.Path);
                w.WriteNumber("papers", r.Document.Papers.Count);
                w.WriteStartArray("diagnostics");
                foreach (var (p, severity) in r.Findings)
                {
                    w.WriteStartObject();
                    w.WriteString("code", p.Code);
                    w.WriteString("severity", CheckCommand.Severity(severity));
                    w.WriteString("message", p.Message);
                    WriteRange(w, "range", r.Document, p.Span);
                    w.WriteStartArray("related");
                    foreach (var rel in p.RelatedLocations)
                    {
                        string path = rel.DocumentId ?? r.Path;
                        if (!byPath.TryGetValue(path, out var doc)) continue;
                        w.WriteStartObject();
                        w.WriteString("path", path);
                        WriteRange(w, "range", doc, rel.Span);
                        w.WriteString("message", rel.Message);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteRange(Utf8JsonWriter w, string name, DigestDocument doc, TextSpan span)
    {
        var start = doc.Lines.GetPosition(span.Start);
        var end = doc.Lines.GetPosition(span.End);
        w.WriteStartObject(name);
        w.WriteStartObject("start");
        w.WriteNumber("line", start.Line + 1);
        w.WriteNumber("column", start.Character + 1);
        w.WriteEndObject();
        w.WriteStartObject("end");
        w.WriteNumber("line", end.Line + 1);
        w.WriteNumber("column", end.Character + 1);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
