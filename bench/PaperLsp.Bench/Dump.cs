using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PaperLsp.Core.Diagnostics;
using PaperLsp.Core.Duplicates;
using PaperLsp.Core.Model;
using PaperLsp.Core.Syntax;

namespace PaperLsp.Bench;

/// <summary>
/// `dump FILE`: a canonical text of everything Parse and DuplicateFinder return, hashed per part.
/// Run it before and after a Core change: equal hashes mean the change kept behaviour on that file.
/// </summary>
internal static class Dump
{
    public static void Run(string file, bool full, Out output)
    {
        string text = ParseBench.Utf8.GetString(File.ReadAllBytes(file));
        var doc = DigestParser.Parse(text, file);
        var parts = new List<(string Name, StringBuilder Text)>
        {
            ("document", Document(doc)),
            ("papers", Papers(doc)),
            ("sections", Sections(doc)),
            ("problems", Problems(doc.Problems)),
            ("tree", Tree(doc.Root)),
            ("duplicates", Problems(DuplicateFinder.Find([(Path.GetFileName(file), doc)])[Path.GetFileName(file)])),
        };
        foreach (var (name, sb) in parts)
        {
            if (full) output.Line($"== {name}\n{sb}");
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
            output.Line(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(file)} {name,-10} {hash[..16]} ({sb.Length:N0} chars)"));
        }
    }

    private static StringBuilder Document(DigestDocument d) =>
        new StringBuilder().Append(CultureInfo.InvariantCulture, $"len={d.Text.Length} dialect={d.Dialect} allowsDup={d.AllowsDuplicates} papers={d.Papers.Count} sections={d.Sections.Count} problems={d.Problems.Count}\n");

    private static StringBuilder Papers(DigestDocument d)
    {
        var sb = new StringBuilder();
        foreach (var p in d.Papers)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"#{p.Index} sec={p.SectionIndex} span={p.Span} title={p.TitleSpan} \"{p.Title}\" key={p.TitleKey} abs={p.AbstractSpan} arxiv={p.ArxivId} date={p.Date} votes={p.Votes} authors={p.AuthorCount} org={p.Organisation} comments={p.CommentCount} status={p.Status} dupOk={p.DuplicateAllowed}");
            sb.Append(" notes=").AppendJoin(',', p.Notes).Append(" tags=").AppendJoin(',', p.Tags).Append('\n');
            foreach (var l in p.Links) sb.Append(CultureInfo.InvariantCulture, $"  link {l.Span} {l.Kind} raw={l.Raw} target={l.Target} damage={l.Damage}\n");
            sb.Append(CultureInfo.InvariantCulture, $"  primary={p.PrimaryLink?.Target} abstractText={d.AbstractText(p).Length}\n");
        }
        return sb;
    }

    private static StringBuilder Sections(DigestDocument d)
    {
        var sb = new StringBuilder();
        foreach (var s in d.Sections) sb.Append(s).Append('\n');
        return sb;
    }

    private static StringBuilder Problems(IReadOnlyList<Problem> problems)
    {
        var sb = new StringBuilder();
        foreach (var p in problems)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{p.Code} {p.Span} {p.DefaultSeverity} {p.Message}\n");
            foreach (var r in p.RelatedLocations) sb.Append(CultureInfo.InvariantCulture, $"  related {r.DocumentId} {r.Span} {r.Message}\n");
        }
        return sb;
    }

    private static StringBuilder Tree(SyntaxNode root)
    {
        var sb = new StringBuilder();
        var stack = new Stack<(SyntaxNode Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            sb.Append(CultureInfo.InvariantCulture, $"{depth} {node.Kind} {node.Span}\n");
            for (int i = node.Children.Count - 1; i >= 0; i--) stack.Push((node.Children[i], depth + 1));
        }
        return sb;
    }
}
