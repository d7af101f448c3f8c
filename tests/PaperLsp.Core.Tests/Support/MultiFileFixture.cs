using PaperLsp.Core.Syntax;
using PaperLsp.Core.Workspace;

namespace PaperLsp.Core.Tests.Support;

/// <summary>
/// A workspace written as one string, rust-analyzer style: each file starts with a line
/// <c>//- /path</c>, and its text runs to the next such line. Common leading indentation is removed.
/// </summary>
public static class MultiFileFixture
{
    public static List<(string Path, string Text)> Files(string fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var files = new List<(string, System.Text.StringBuilder)>();
        foreach (var line in fixture.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("//- ", StringComparison.Ordinal)) files.Add((line[4..].Trim(), new System.Text.StringBuilder()));
            else if (files.Count > 0) files[^1].Item2.Append(line).Append('\n');
            else if (line.Trim().Length > 0) throw new ArgumentException("text before the first //- line", nameof(fixture));
        }
        return files.Select(f => (f.Item1, f.Item2.ToString())).ToList();
    }

    public static WorkspaceSnapshot Workspace(string fixture) =>
        new(Files(fixture).Select(f => (f.Path, DigestParser.Parse(f.Text, f.Path))));

    /// <summary>Every problem with one of the codes, as "path:line CODE message", files in order.</summary>
    public static string Render(WorkspaceSnapshot workspace, params string[] codes)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var lines = new List<string>();
        foreach (var (id, doc) in workspace.Documents)
            foreach (var p in workspace.ProblemsOf(id))
                if (codes.Length == 0 || codes.Contains(p.Code))
                    lines.Add($"{id}:{doc.Lines.GetPosition(p.Span.Start).Line + 1} {p.Code} {p.Message}");
        return string.Join("\n", lines);
    }
}
