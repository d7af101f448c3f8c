namespace PaperLsp.Core.Workspace;

/// <summary>
/// The rules of one .gitignore file, relative to its folder: blank lines and <c>#</c> comments skipped,
/// <c>!</c> re-includes, a trailing <c>/</c> matches folders only, a pattern with an inner or leading
/// <c>/</c> is anchored to the folder, one without matches a name at any depth. The last rule that
/// matches decides.
/// </summary>
public sealed class GitIgnore
{
    private readonly List<(Glob Glob, bool Negated, bool FoldersOnly)> _rules = [];

    public static GitIgnore Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new GitIgnore();
        foreach (var raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (!line.EndsWith("\\ ", StringComparison.Ordinal)) line = line.TrimEnd(' ');
            if (line.Length == 0 || line[0] == '#') continue;
            bool negated = line[0] == '!';
            if (negated) line = line[1..];
            if (line.StartsWith("\\#", StringComparison.Ordinal) || line.StartsWith("\\!", StringComparison.Ordinal)) line = line[1..];
            bool foldersOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            if (line.Length == 0) continue;
            bool anchored = line.Contains('/', StringComparison.Ordinal);
            string pattern = anchored ? line.TrimStart('/') : "**/" + line;
            result._rules.Add((Glob.Parse(pattern), negated, foldersOnly));
        }
        return result;
    }

    /// <summary>True: ignored; false: re-included by a <c>!</c> rule; null: no rule speaks of it.</summary>
    public bool? Decide(string relativePath, bool isFolder)
    {
        bool? decision = null;
        foreach (var (glob, negated, foldersOnly) in _rules)
        {
            if (foldersOnly && !isFolder) continue;
            if (glob.IsMatch(relativePath)) decision = !negated;
        }
        return decision;
    }
}
