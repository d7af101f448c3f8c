using System.Text;
using System.Text.Json;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Cli;

/// <summary>`paperlsp outline FILE`: sections and papers with title, arXiv id and links.</summary>
internal static class OutlineCommand
{
    public static int Run(string path, bool json, CliOutput output)
    {
        if (!File.Exists(path))
        {
            output.Error($"{path}: no such file");
            return CommandLine.Usage;
        }
        var loaded = InputFiles.Load(path);
        if (loaded.Error is not null)
        {
            output.Error(loaded.Error);
            return CommandLine.Usage;
        }
        var doc = DigestParser.Parse(loaded.Text!, path);
        if (json) output.Raw(Json(doc));
        else Text(doc, output);
        return CommandLine.Clean;
    }

    private static void Text(DigestDocument doc, CliOutput output)
    {
        int section = -2;
        foreach (var paper in doc.Papers)
        {
            if (paper.SectionIndex != section)
            {
                section = paper.SectionIndex;
                if (section >= 0)
                {
                    var s = doc.Sections[section];
                    output.Line($"{new string('#', s.Level)} {s.Title}");
                }
            }
            string indent = section >= 0 ? "  " : "";
            int line = doc.Lines.GetPosition(paper.TitleSpan.Start).Line + 1;
            output.Line($"{indent}{line}: {paper.Title}{(paper.ArxivId is null ? "" : $" [arXiv:{paper.ArxivId}]")}");
            foreach (var link in paper.Links.Where(l => l.Kind != LinkKind.Other))
                output.Line($"{indent}    {link.Kind.ToString().ToLowerInvariant()}: {link.Target}");
        }
    }

    private static string Json(DigestDocument doc)
    {
        return JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("sections");
            foreach (var s in doc.Sections)
            {
                w.WriteStartObject();
                w.WriteString("title", s.Title);
                w.WriteString("kind", s.Kind.ToString().ToLowerInvariant());
                w.WriteNumber("level", s.Level);
                w.WriteNumber("line", doc.Lines.GetPosition(s.TitleSpan.Start).Line + 1);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("papers");
            foreach (var p in doc.Papers)
            {
                w.WriteStartObject();
                w.WriteString("title", p.Title);
                w.WriteNumber("line", doc.Lines.GetPosition(p.TitleSpan.Start).Line + 1);
                if (p.SectionIndex >= 0) w.WriteString("section", doc.Sections[p.SectionIndex].Title);
                if (p.ArxivId is not null) w.WriteString("arxivId", p.ArxivId);
                if (p.Date is not null) w.WriteString("date", p.Date);
                if (p.Tags.Count > 0)
                {
                    w.WriteStartArray("tags");
                    foreach (var t in p.Tags) w.WriteStringValue(t);
                    w.WriteEndArray();
                }
                w.WriteStartArray("links");
                foreach (var l in p.Links)
                {
                    w.WriteStartObject();
                    w.WriteString("kind", l.Kind.ToString().ToLowerInvariant());
                    w.WriteString("target", l.Target);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
